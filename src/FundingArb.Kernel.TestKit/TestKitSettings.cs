using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.TestKit;

/// <summary>
/// Real-time limits of the TestKit's expectations, from <c>fundingarb.test</c>. Every limit is dilated by
/// <see cref="TimeFactor"/>, which <c>FUNDINGARB_TEST_TIMEFACTOR</c> sets (Akka's timefactor): slow CI
/// machines raise it instead of the tests' timeouts.
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>Multiplies every real-time limit.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>How long a single expectation waits when given no limit.</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the system may take to shut down when the TestKit is disposed.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The settings of a system's configuration.</summary>
    public static TestKitSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var factor = config.GetDouble("fundingarb.test.timefactor");
        if (!(factor > 0))
        {
            throw new ConfigurationException("fundingarb.test.timefactor", $"fundingarb.test.timefactor (FUNDINGARB_TEST_TIMEFACTOR) must be a positive number, not {factor}.");
        }

        return new TestKitSettings
        {
            TimeFactor = factor,
            SingleExpectDefault = config.GetTimeSpan("fundingarb.test.single-expect-default"),
            DefaultTimeout = config.GetTimeSpan("fundingarb.test.default-timeout"),
        };
    }

    /// <summary>A real-time limit scaled by <see cref="TimeFactor"/>.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
