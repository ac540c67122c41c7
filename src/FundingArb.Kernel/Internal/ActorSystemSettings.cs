using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Internal;

/// <summary>The kernel's settings, bound once from <c>fundingarb.actor</c> and <c>fundingarb.*loglevel</c>.</summary>
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

    public static ActorSystemSettings FromConfig(Config config)
    {
        var throughput = config.GetInt("fundingarb.actor.throughput");
        if (throughput <= 0)
        {
            throw new ConfigurationException("fundingarb.actor.throughput", $"fundingarb.actor.throughput must be at least 1, not {throughput}.");
        }

        return new ActorSystemSettings
        {
            Throughput = throughput,
            AskTimeout = config.GetTimeSpan("fundingarb.actor.ask-timeout"),
            LogLevel = LogLevels.Parse(config, "fundingarb.loglevel"),
            StdoutLogLevel = LogLevels.Parse(config, "fundingarb.stdout-loglevel"),
        };
    }
}
