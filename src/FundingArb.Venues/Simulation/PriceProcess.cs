namespace FundingArb.Venues.Simulation;

/// A market's mid in whole ticks, moved one step at a time. Any double arithmetic stays inside the process;
/// what leaves it is a whole number of ticks.
internal abstract class PriceProcess
{
    public long MidTicks { get; protected set; }

    public static PriceProcess Create(PriceModel model, decimal tickSize, TimeSpan step, SimRandom random, long startTicks) => model switch
    {
        PricePathModel path => new PricePathProcess(path, tickSize, startTicks),
        RandomWalkModel walk => new RandomWalkProcess(walk, tickSize, step, random),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown price model."),
    };

    public abstract void Step(long utcTicks);

    /// The process's continuous state (the unrounded mid in ticks); the path recomputes it from time.
    public abstract double State { get; }

    public abstract void Restore(double state, long midTicks);

    protected static long ToTicks(double ticks) => Math.Max(1L, (long)Math.Round(ticks, MidpointRounding.ToEven));
}
