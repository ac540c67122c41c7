namespace FundingArb.Venues.Simulation;

// Euler step of an Ornstein-Uhlenbeck process, x += theta (mu - x) dt + sigma sqrt(dt) z, with dt in days; like the
// price walk it uses only exactly rounded arithmetic, so a seed reproduces the same rates everywhere.

/// A seeded mean-reverting funding rate, sampled every Update from the venue's start and clamped to ±Cap.
internal sealed class MeanRevertingFundingProcess : FundingProcess
{
    private const int RateDecimals = 8;

    private readonly SimRandom _random;
    private readonly MeanRevertingFundingModel _model;
    private readonly long _updateTicks;
    private readonly double _mean;
    private readonly double _pull;
    private readonly double _shock;
    private readonly double _cap;
    private double _state;
    private long _nextUpdateTicks;

    public MeanRevertingFundingProcess(MeanRevertingFundingModel model, SimRandom random, long startTicks)
    {
        _model = model;
        _random = random;
        _updateTicks = model.Update.Ticks;
        var days = model.Update.TotalDays;
        _mean = (double)model.Mean;
        _pull = (double)model.Reversion * days;
        _shock = (double)model.Volatility * Math.Sqrt(days);
        _cap = (double)model.Cap;
        _state = Math.Clamp((double)model.Start, -_cap, _cap);
        Current = ToRate(_state);
        Previous = Current;
        _nextUpdateTicks = startTicks + _updateTicks;
    }

    public override decimal PredictNext(TimeSpan interval)
    {
        var decay = Math.Max(0m, 1m - (_model.Reversion * (decimal)interval.TotalDays));
        return decimal.Round(_model.Mean + ((Current - _model.Mean) * decay), RateDecimals);
    }

    public override void Advance(long utcTicks)
    {
        while (_nextUpdateTicks <= utcTicks)
        {
            var z = _shock == 0.0 ? 0.0 : _random.NextGaussian();
            _state = Math.Clamp(_state + (_pull * (_mean - _state)) + (_shock * z), -_cap, _cap);
            Change(ToRate(_state), _nextUpdateTicks);
            _nextUpdateTicks += _updateTicks;
        }
    }

    public override (double State, long NextUpdateTicks) ExportState() => (_state, _nextUpdateTicks);

    protected override void RestoreState(double state, long nextUpdateTicks)
    {
        _state = state;
        _nextUpdateTicks = nextUpdateTicks;
    }

    private static decimal ToRate(double value) => decimal.Round((decimal)value, RateDecimals);
}
