namespace FundingArb.Venues.Simulation;

/// The generated book's shape: Levels per side, each holding QuotePerLevel of notional, LevelSpacingBps apart
/// (the spread when null), and never less than a tick apart.
public sealed record BookDepth
{
    public BookDepth(int levels, decimal quotePerLevel, decimal? levelSpacingBps = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(levels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 1000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quotePerLevel);
        if (levelSpacingBps is { } spacing)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(spacing, nameof(levelSpacingBps));
        }

        Levels = levels;
        QuotePerLevel = quotePerLevel;
        LevelSpacingBps = levelSpacingBps;
    }

    public int Levels { get; }

    public decimal QuotePerLevel { get; }

    public decimal? LevelSpacingBps { get; }
}
