using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Kernel.Tests;

public sealed class ActorSystemConfigurationTests
{
    [Fact]
    public async Task Create_WithoutConfig_FallsBackToDocumentedDefaults()
    {
        await using var system = ActorSystem.Create("defaults");

        Assert.Equal(30, system.Config.GetInt("fundingarb.actor.throughput"));
        Assert.Equal("inmem", system.Config.GetString("fundingarb.persistence.journal.plugin"));
    }

    [Fact]
    public async Task Create_WithConfig_OverridesOnlyTheKeysItSets()
    {
        await using var system = ActorSystem.Create("override", ConfigurationFactory.ParseString("fundingarb.actor.throughput = 5"));

        Assert.Equal(5, system.Config.GetInt("fundingarb.actor.throughput"));
        Assert.Equal(Timeout.InfiniteTimeSpan, system.Config.GetTimeSpan("fundingarb.actor.ask-timeout"));
    }

    [Fact]
    public void Create_ThroughputZero_ThrowsNamingTheKey()
    {
        var config = ConfigurationFactory.ParseString("fundingarb.actor.throughput = 0");

        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", config));

        Assert.Equal("fundingarb.actor.throughput", error.Path);
    }

    [Fact]
    public void Create_UnknownLogLevel_ThrowsNamingTheKeyAndValue()
    {
        var config = ConfigurationFactory.ParseString("fundingarb.loglevel = LOUD");

        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", config));

        Assert.Equal("fundingarb.loglevel", error.Path);
        Assert.Contains("LOUD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskTimeout_FromConfig_AppliesWhenAskGivesNone()
    {
        var clock = new VirtualClock();
        await using var system = ActorSystem.Create("ask", ConfigurationFactory.ParseString("fundingarb.actor.ask-timeout = 2s"), clock);
        var silent = system.ActorOf(Props.Create(() => new Silent()));

        var reply = silent.Ask<object>("hello");
        clock.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<AskTimeoutException>(() => reply.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task JournalPlugin_FromConfig_IsTheDefaultForPersistentActors()
    {
        await using var system = ActorSystem.Create("journal", ConfigurationFactory.ParseString("fundingarb.persistence.journal.plugin = shared"));
        var journal = new MemoryJournal();
        Kernel.Persistence.Persistence.Get(system).RegisterJournal("shared", () => journal);
        var probe = new ProbeKit(system);

        system.ActorOf(Props.Create(() => new OneEventActor(probe.TestActor)));
        await probe.ExpectMsgAsync("persisted");

        Assert.Equal("one-event", Assert.Single(journal.PersistenceIds()));
    }

    [Fact]
    public async Task JournalPlugin_NotRegistered_StopsPersistentActorWithClearError()
    {
        await using var system = ActorSystem.Create("missing", ConfigurationFactory.ParseString("fundingarb.persistence.journal.plugin = nowhere"));
        var probe = new ProbeKit(system);

        var actor = system.ActorOf(Props.Create(() => new OneEventActor(probe.TestActor)));
        probe.Watch(actor);

        await probe.ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void TestKit_TimeFactorFromHocon_DilatesEveryLimit()
    {
        using var kit = new HoconKit("fundingarb.test.timefactor = 2.5");

        Assert.Equal(TimeSpan.FromSeconds(5), kit.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(7.5), kit.RemainingOrDefault);
    }

    private sealed class Silent : ReceiveActor;

    private sealed class OneEventActor : ReceivePersistentActor
    {
        public OneEventActor(IActorRef report)
        {
            Recover<RecoveryCompleted>(_ => Persist("event", _ => report.Tell("persisted")));
        }

        public override string PersistenceId => "one-event";
    }

    private sealed class ProbeKit(ActorSystem system) : TestKit.TestKit(system);

    private sealed class HoconKit(string hocon) : TestKit.TestKit(hocon);
}
