using System.Globalization;

namespace FundingArb.Kernel.TestKit;

/// <summary>
/// Real-time limits of the TestKit's expectations. Every limit is dilated by <see cref="TimeFactor"/>, which
/// <c>FUNDINGARB_TEST_TIMEFACTOR</c> sets (Akka's timefactor): slow CI machines raise it instead of the tests.
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>The environment variable that sets <see cref="TimeFactor"/>.</summary>
    public const string TimeFactorVariable = "FUNDINGARB_TEST_TIMEFACTOR";

    /// <summary>Multiplies every real-time limit.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>How long a single expectation waits when given no limit.</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the system may take to shut down when the TestKit is disposed.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The settings with <see cref="TimeFactor"/> taken from the environment when set there.</summary>
    public static TestKitSettings FromEnvironment()
    {
        var raw = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new TestKitSettings();
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0)
        {
            throw new InvalidOperationException($"{TimeFactorVariable} must be a positive number, not '{raw}'.");
        }

        return new TestKitSettings { TimeFactor = factor };
    }

    /// <summary>A real-time limit scaled by <see cref="TimeFactor"/>.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
