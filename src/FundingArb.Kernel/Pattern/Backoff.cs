namespace FundingArb.Kernel.Pattern;

/// <summary>Builds the options of a <see cref="BackoffSupervisor"/>.</summary>
public static class Backoff
{
    /// <summary>Restart the child with backoff after it failed.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(childProps, childName, minBackoff, maxBackoff, randomFactor, BackoffMode.OnFailure);

    /// <summary>Start the child again with backoff after it stopped, whatever the reason.</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(childProps, childName, minBackoff, maxBackoff, randomFactor, BackoffMode.OnStop);

    private static BackoffOptions Create(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, BackoffMode mode)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "randomFactor must be between 0.0 and 1.0.");
        }

        return new BackoffOptions
        {
            ChildProps = childProps,
            ChildName = childName,
            MinBackoff = minBackoff,
            MaxBackoff = maxBackoff,
            RandomFactor = randomFactor,
            Mode = mode,
            AutoReset = minBackoff,
        };
    }
}
