namespace FundingArb.Venues.Simulation;

// An Euler step of geometric Brownian motion, x *= 1 + mu dt + sigma sqrt(dt) z, in tick units. Euler rather than
// the exact exp() form keeps the arithmetic to +, *, and one sqrt computed once, all exactly rounded by IEEE 754,
// so a seed gives the same path everywhere; at one-second steps the difference from the exact form is negligible.

/// A seeded geometric random walk of the mid, floored at one tick.
internal sealed class RandomWalkProcess : PriceProcess
{
    private const double DaysPerYear = 365.0;

    private readonly SimRandom _random;
    private readonly double _driftPerStep;
    private readonly double _volatilityPerStep;
    private double _ticks;

    public RandomWalkProcess(RandomWalkModel model, decimal tickSize, TimeSpan step, SimRandom random)
    {
        _random = random;
        var years = step.TotalDays / DaysPerYear;
        _driftPerStep = (double)model.Drift * years;
        _volatilityPerStep = (double)model.Volatility * Math.Sqrt(years);
        _ticks = (double)(model.Start / tickSize);
        MidTicks = ToTicks(_ticks);
    }

    public override double State => _ticks;

    public override void Step(long utcTicks)
    {
        var z = _volatilityPerStep == 0.0 ? 0.0 : _random.NextGaussian();
        _ticks = Math.Max(1.0, _ticks * (1.0 + _driftPerStep + (_volatilityPerStep * z)));
        MidTicks = ToTicks(_ticks);
    }

    public override void Restore(double state, long midTicks)
    {
        _ticks = state;
        MidTicks = midTicks;
    }
}
