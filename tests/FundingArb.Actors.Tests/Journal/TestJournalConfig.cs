using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.TestKit;

namespace FundingArb.Actors.Tests.Journal;

/// A test system on Akka.Persistence.TestKit's journal, whose writes a test can reject or fail.
internal static class TestJournalConfig
{
    public static Config Config { get; } = ConfigurationFactory.ParseString($$"""
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "{{typeof(TestJournal).AssemblyQualifiedName}}"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """);

    public static ITestJournal Of(ActorSystem system) => TestJournal.FromRef(Persistence.Instance.Apply(system).JournalFor(null));
}
