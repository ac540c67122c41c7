namespace FundingArb.Venues.Simulation;

/// Settlement instants: every multiple of the interval from 00:00 UTC. An interval must divide a day, so the grid
/// is the same from any day's midnight (00/08/16 for 8 h; every hour for 1 h).
internal static class FundingGrid
{
    public static void Validate(TimeSpan interval, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, paramName);
        if (TimeSpan.TicksPerDay % interval.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(paramName, interval, "A funding interval must divide a day (1h, 2h, 4h, 8h, ...).");
        }
    }

    /// The first settlement strictly after the instant, in UTC ticks.
    public static long NextAfter(long utcTicks, long intervalTicks) => (utcTicks / intervalTicks + 1) * intervalTicks;
}
