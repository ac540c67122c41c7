namespace FundingArb.Venues.Simulation;

internal sealed class FundingPathProcess : FundingProcess
{
    private readonly FundingPoint[] _points;
    private int _next;

    public FundingPathProcess(FundingPathModel model, long startTicks)
    {
        _points = [.. model.Points];
        Current = _points.Length == 0 ? 0m : _points[0].Rate;
        Previous = Current;
        Advance(startTicks);
    }

    public override decimal PredictNext(TimeSpan interval) => Current;

    public override void Advance(long utcTicks)
    {
        while (_next < _points.Length && _points[_next].At.UtcTicks <= utcTicks)
        {
            Change(_points[_next].Rate, _points[_next].At.UtcTicks);
            _next++;
        }
    }

    public override (double State, long NextUpdateTicks) ExportState() => (0.0, _next);

    protected override void RestoreState(double state, long nextUpdateTicks) => _next = (int)nextUpdateTicks;
}
