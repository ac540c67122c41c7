using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// Applies the directive to every child: a restart needs every child's permission, and if any is refused
/// all children are stopped.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>At most <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/> (null: unlimited / lifetime).</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries ?? -1, ToWindow(withinTimeRange), decider, loggingEnabled)
    {
    }

    /// <summary>Akka's millisecond form: -1 means unlimited / lifetime.</summary>
    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds > 0 ? TimeSpan.FromMilliseconds(withinTimeMilliseconds) : null, decider, loggingEnabled)
    {
    }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, -1, decider)
    {
    }

    private protected override void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        if (children.Count == 0)
        {
            return;
        }

        var allowed = restart && children.Aggregate(true, (all, c) => RequestRestartPermission(c, cell) && all);
        foreach (var sibling in children)
        {
            if (allowed)
            {
                RestartChild(sibling.Child, cause, suspendFirst: !sibling.Child.Equals(child));
            }
            else
            {
                cell.Stop(sibling.Child);
            }
        }
    }
}
