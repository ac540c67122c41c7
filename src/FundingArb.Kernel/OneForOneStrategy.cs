using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>At most <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/> (null: unlimited / lifetime).</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries ?? -1, ToWindow(withinTimeRange), decider, loggingEnabled)
    {
    }

    /// <summary>Akka's millisecond form: -1 means unlimited / lifetime.</summary>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds > 0 ? TimeSpan.FromMilliseconds(withinTimeMilliseconds) : null, decider, loggingEnabled)
    {
    }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, -1, decider)
    {
    }

    private protected override void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        if (restart && RequestRestartPermission(stats, cell))
        {
            RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            cell.Stop(child);
        }
    }
}
