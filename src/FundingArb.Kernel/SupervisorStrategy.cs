using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// How a parent answers the failure of a child: a decider maps the exception to a <see cref="Directive"/>,
/// and the strategy applies it to the failed child (one-for-one) or to all children (all-for-one).
/// A restart refused by the retry limit stops the child; it does not escalate.
/// </summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restart on any exception, without limit; stop on initialization failure, Kill and death pact.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stop on any exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Maps a child's exception to what happens to it.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Restarts allowed (negative: unlimited, 0: none).</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window the retries are counted in; zero or infinite means the child's lifetime.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Whether failures are logged (escalations never are: the supervisor above logs them).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Akka's default decisions.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies the decider; false means escalate.</summary>
    internal bool HandleFailure(ActorCell cell, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        var directive = Decider(cause);
        if (directive != Directive.Escalate && LoggingEnabled)
        {
            var log = cell.GetLogger();
            if (directive == Directive.Resume)
            {
                log.Warning("{Child} failed and resumes: {Reason}", child.Path, cause.Message);
            }
            else
            {
                log.Error(cause, "{Child} failed ({Directive})", child.Path, directive);
            }
        }

        switch (directive)
        {
            case Directive.Resume:
                ((IInternalActorRef)child).SendSystemMessage(new Resume(cause));
                return true;
            case Directive.Restart:
                ProcessFailure(cell, restart: true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(cell, restart: false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    private protected abstract void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children);

    private protected bool RequestRestartPermission(ChildRestartStats stats, ActorCell cell) =>
        stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, cell.System.TimeProvider);

    private protected static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var internalRef = (IInternalActorRef)child;
        if (suspendFirst)
        {
            internalRef.SendSystemMessage(new Suspend());
        }

        internalRef.SendSystemMessage(new Recreate(cause));
    }

    private protected static TimeSpan ToWindow(TimeSpan? withinTimeRange) =>
        withinTimeRange is { } window && window > TimeSpan.Zero ? window : Timeout.InfiniteTimeSpan;
}
