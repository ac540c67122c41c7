using Akka.Actor;
using Akka.TestKit;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>A <see cref="SqlTestKit"/> with helpers to start and stop <see cref="LedgerActor"/>s that report to <see cref="Probe"/>.</summary>
public abstract class LedgerTestKit : SqlTestKit
{
    protected LedgerTestKit(TestDatabase database, string extraHocon = "")
        : base(database, extraHocon)
    {
        Probe = CreateTestProbe();
    }

    protected TestProbe Probe { get; }

    /// <summary>Starts a ledger and waits until it has recovered.</summary>
    protected async Task<IActorRef> StartLedgerAsync(string persistenceId)
    {
        var ledger = StartLedger(persistenceId);
        await Probe.ExpectMsgAsync<Recovered>();
        return ledger;
    }

    /// <summary>Starts a ledger on the test's plugins; its recovery reports arrive at <see cref="Probe"/>.</summary>
    protected IActorRef StartLedger(string persistenceId) => Sys.ActorOf(Props(persistenceId, Probe.Ref));

    protected async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }
}
