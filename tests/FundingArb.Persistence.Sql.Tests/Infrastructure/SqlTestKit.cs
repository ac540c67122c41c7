using Akka.Actor;
using Xunit.Abstractions;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>A TestKit whose system runs our plugins on the test's own <see cref="TestDatabase"/>, removed after the test.</summary>
public abstract class SqlTestKit : AkkaTestKit, IAsyncLifetime
{
    protected SqlTestKit(TestDatabase database, string extraHocon = "", ITestOutputHelper? output = null)
        : base(database.Config(extraHocon), output: output)
    {
        Database = database;
    }

    protected TestDatabase Database { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Sys.Terminate();
        await Database.DisposeAsync();
    }

    /// <summary>The journal actor of <paramref name="pluginId"/> (the test's own by default).</summary>
    protected IActorRef JournalFor(string pluginId = TestDatabase.Journal) => Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(pluginId);

    protected IActorRef SnapshotStoreFor(string pluginId = TestDatabase.SnapshotStore) => Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(pluginId);
}
