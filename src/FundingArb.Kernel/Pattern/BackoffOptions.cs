namespace FundingArb.Kernel.Pattern;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> restarts its child: after min·2ⁿ (capped at max) times a random
/// factor in [1, 1 + <see cref="RandomFactor"/>), drawn from a generator seeded with <see cref="RandomSeed"/>
/// (by default a hash of the child's name) so that runs repeat. The count resets once the child has run
/// for <see cref="AutoReset"/> (default: <see cref="MinBackoff"/>), or only on request with manual reset.
/// </summary>
public sealed record BackoffOptions
{
    public required Props ChildProps { get; init; }

    public required string ChildName { get; init; }

    public required TimeSpan MinBackoff { get; init; }

    public required TimeSpan MaxBackoff { get; init; }

    public required double RandomFactor { get; init; }

    public required BackoffMode Mode { get; init; }

    /// <summary>How long the child must run before the restart count resets; null means only a <c>Reset</c> message resets it.</summary>
    public TimeSpan? AutoReset { get; init; }

    /// <summary>Restarts allowed before the supervisor gives up and stops; negative means no limit.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>Decides what a child's exception means; a Restart becomes a backoff restart in <see cref="BackoffMode.OnFailure"/>.</summary>
    public SupervisorStrategy SupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>The seed of the jitter; null uses a stable hash of <see cref="ChildName"/>.</summary>
    public int? RandomSeed { get; init; }

    public BackoffOptions WithAutoReset(TimeSpan resetBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resetBackoff, TimeSpan.Zero);
        return this with { AutoReset = resetBackoff };
    }

    public BackoffOptions WithManualReset() => this with { AutoReset = null };

    public BackoffOptions WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    public BackoffOptions WithRandomSeed(int seed) => this with { RandomSeed = seed };
}
