namespace FundingArb.Venues.Simulation;

// The rate a settlement at T pays is the one in effect just before T: a point or a sample at exactly T belongs to
// the period that starts at T. ChangedAt and Previous let the settlement, which runs after the step at T, see it.

/// A market's funding rate over time, per the market's interval in effect.
internal abstract class FundingProcess
{
    public decimal Current { get; protected set; }

    public decimal Previous { get; protected set; }

    public long ChangedAtTicks { get; protected set; } = long.MinValue;

    public static FundingProcess Create(FundingModel model, SimRandom random, long startTicks) => model switch
    {
        FundingPathModel path => new FundingPathProcess(path, startTicks),
        MeanRevertingFundingModel process => new MeanRevertingFundingProcess(process, random, startTicks),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown funding model."),
    };

    public decimal RateSettledAt(long settlementTicks) => ChangedAtTicks == settlementTicks ? Previous : Current;

    public abstract decimal PredictNext(TimeSpan interval);

    public abstract void Advance(long utcTicks);

    /// The continuous state and the next sample time (mean-reverting only; zero for a path).
    public abstract (double State, long NextUpdateTicks) ExportState();

    public void Restore(decimal current, decimal previous, long changedAtTicks, double state, long nextUpdateTicks)
    {
        Current = current;
        Previous = previous;
        ChangedAtTicks = changedAtTicks;
        RestoreState(state, nextUpdateTicks);
    }

    protected abstract void RestoreState(double state, long nextUpdateTicks);

    protected void Change(decimal rate, long atTicks)
    {
        Previous = Current;
        Current = rate;
        ChangedAtTicks = atTicks;
    }
}
