using Akka.Actor;
using Akka.Event;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;

namespace FundingArb.Actors.Placement;

// The host is what the cluster places: a sharded entity named by executor id, or the orchestrator's child on one node.
// It knows the pair only from HostPair, so a host that sharding restarts on another node (a remembered entity) asks the
// orchestrator for it. The executor is its child, restarted by this host's strategy as the orchestrator used to;
// everything the executor tells its parent goes on to the orchestrator with the node it runs on.

/// Runs one pair's executor wherever the placement puts it, and relays between it and the orchestrator.
public sealed class PairHost : ReceiveActor
{
    /// The executor's name under its host.
    public const string ExecutorName = "executor";

    private readonly string _executorId;
    private readonly IActorRef _orchestrator;
    private readonly Func<PairSpec, Props> _executorProps;
    private readonly int _maxRestarts;
    private readonly TimeSpan _restartWindow;
    private readonly object? _retireMessage;
    private readonly string _node;
    private IActorRef? _executor;

    /// retireMessage goes to the host's parent when the pair is released (sharding's Passivate, so a remembered pair
    /// is forgotten); without one the host stops itself.
    public PairHost(string executorId, IActorRef orchestrator, Func<PairSpec, Props> executorProps, int maxRestarts, TimeSpan restartWindow,
        object? retireMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executorId);
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(executorProps);
        _executorId = executorId;
        _orchestrator = orchestrator;
        _executorProps = executorProps;
        _maxRestarts = maxRestarts;
        _restartWindow = restartWindow;
        _retireMessage = retireMessage;
        _node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();

        Receive<HostPair>(OnHost);
        Receive<ReleasePair>(_ => Leave(retire: true));
        Receive<HandOff>(_ => Leave(retire: false));
        RelayReports();
        Receive<Terminated>(OnTerminated);
        ReceiveAny(m => _executor?.Forward(m));
    }

    public static Props Props(string executorId, IActorRef orchestrator, Func<PairSpec, Props> executorProps, int maxRestarts, TimeSpan restartWindow,
        object? retireMessage = null) =>
        Akka.Actor.Props.Create(() => new PairHost(executorId, orchestrator, executorProps, maxRestarts, restartWindow, retireMessage));

    protected override void PreStart() => _orchestrator.Tell(new PairHostStarted(_executorId));

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_maxRestarts, _restartWindow, _ => Directive.Restart);

    private void OnHost(HostPair host)
    {
        if (host.Spec.ExecutorId != _executorId)
        {
            Context.GetLogger().Error("Host of {ExecutorId} was asked to run {Other}; ignored", _executorId, host.Spec.ExecutorId);
            return;
        }

        if (_executor is not null)
        {
            // The orchestrator asks again after it moved (a new singleton knows no report yet) or after a lost answer.
            _executor.Tell(GetPairReport.Instance);
        }
        else
        {
            // On this node's event stream, so its log enrichment knows the pair before the executor's first line.
            Context.System.EventStream.Publish(new ExecutorRegistered(host.Spec));
            _executor = Context.ActorOf(_executorProps(host.Spec), ExecutorName);
            Context.Watch(_executor);
        }

        Sender.Tell(new PairHosted(_executorId, _node));
    }

    // Stops the executor with a command of its own, so it finishes any write in flight first; the host goes once it has.
    private void Leave(bool retire)
    {
        if (_executor is null)
        {
            Retire(retire);
            return;
        }

        _executor.Tell(HandOff.Instance);
        Become(() =>
        {
            Receive<Terminated>(t => t.ActorRef.Equals(_executor), _ => Retire(retire));
            RelayReports();
            ReceiveAny(_ => { });
        });
    }

    private void Retire(bool retire)
    {
        if (retire && _retireMessage is not null)
        {
            Context.Parent.Tell(_retireMessage);
            Become(() => Receive<HandOff>(_ => Context.Stop(Self)));
            return;
        }

        Context.Stop(Self);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!terminated.ActorRef.Equals(_executor))
        {
            return;
        }

        _executor = null;
        _orchestrator.Tell(new ExecutorStopped(_executorId));
    }

    // What the executor tells its parent goes on to the orchestrator, stamped with this node.
    private void RelayReports()
    {
        Receive<ExecutorUpdated>(m => _orchestrator.Tell(new ExecutorUpdated(Stamp(m.Report))));
        Receive<ExecutorHalted>(m => _orchestrator.Tell(new ExecutorHalted(Stamp(m.Report))));
        Receive<ExecutorRecoveryFailed>(m => _orchestrator.Tell(new ExecutorRecoveryFailed(Stamp(m.Report))));
    }

    private PairReport Stamp(PairReport report) => report with { Node = _node };
}
