using Akka.Configuration;

namespace FundingArb.Actors.Tests;

/// A test system's configuration with Akka's in-memory journal and snapshot store (Akka sets none by default).
internal static class InMemoryJournal
{
    public static Config Config { get; } = ConfigurationFactory.ParseString("""
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """);
}
