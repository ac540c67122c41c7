namespace FundingArb.Venues.Simulation;

/// Linear between the points, flat outside them. The cursor only moves forward, as time does.
internal sealed class PricePathProcess : PriceProcess
{
    private readonly long[] _at;
    private readonly double[] _ticks;
    private int _cursor;

    public PricePathProcess(PricePathModel model, decimal tickSize, long startTicks)
    {
        _at = [.. model.Points.Select(p => p.At.UtcTicks)];
        _ticks = [.. model.Points.Select(p => (double)(p.Mid / tickSize))];
        Step(startTicks);
    }

    public override double State => MidTicks;

    public override void Step(long utcTicks)
    {
        while (_cursor + 1 < _at.Length && _at[_cursor + 1] <= utcTicks)
        {
            _cursor++;
        }

        if (utcTicks <= _at[0] || _cursor == _at.Length - 1)
        {
            MidTicks = ToTicks(_ticks[utcTicks <= _at[0] ? 0 : _cursor]);
            return;
        }

        var fraction = (double)(utcTicks - _at[_cursor]) / (_at[_cursor + 1] - _at[_cursor]);
        MidTicks = ToTicks(_ticks[_cursor] + ((_ticks[_cursor + 1] - _ticks[_cursor]) * fraction));
    }

    public override void Restore(double state, long midTicks) => MidTicks = midTicks;
}
