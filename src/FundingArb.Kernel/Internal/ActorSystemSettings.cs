namespace FundingArb.Kernel.Internal;

/// <summary>The kernel's settings, read once from <c>fundingarb.actor</c> and <c>fundingarb.loglevel</c>.</summary>
internal sealed record ActorSystemSettings
{
    /// <summary>Messages an actor handles before its thread goes back to the pool.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>The Ask timeout when none is given; infinite as in Akka.</summary>
    public TimeSpan AskTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Events below this level are not published.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    /// <summary>Events at or above this level are printed to standard error until a host logger takes over.</summary>
    public LogLevel StdoutLogLevel { get; init; } = LogLevel.Warning;
}
