namespace FundingArb.Kernel;

/// <summary>
/// How often a child was restarted, as its supervisor counts it: over its lifetime, or within a window that
/// opens at the first restart and starts over once it has passed.
/// </summary>
public sealed class ChildRestartStats
{
    private long _windowStartTimestamp;
    private bool _windowStarted;

    internal ChildRestartStats(IActorRef child)
    {
        Child = child;
    }

    /// <summary>The supervised child.</summary>
    public IActorRef Child { get; }

    /// <summary>Restarts counted so far (within the current window when one is set).</summary>
    public int MaxNrOfRetriesCount { get; private set; }

    /// <summary>
    /// Counts one more restart and says whether it is allowed: <paramref name="maxNrOfRetries"/> 0 never,
    /// negative with no window always; with a window, at most max (1 when negative) restarts inside it.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var hasWindow = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (!hasWindow)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = timeProvider.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStartTimestamp = now;
        }

        if (timeProvider.GetElapsedTime(_windowStartTimestamp, now) <= withinTimeRange)
        {
            MaxNrOfRetriesCount++;
            return MaxNrOfRetriesCount <= retries;
        }

        MaxNrOfRetriesCount = 1;
        _windowStartTimestamp = now;
        return true;
    }
}
