using System.Collections.Immutable;

namespace FundingArb.Venues.Simulation;

/// A piecewise-linear mid through the points (flat before the first and after the last).
public sealed record PricePathModel : PriceModel
{
    public PricePathModel(ImmutableArray<PricePoint> points)
    {
        if (points.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A price path needs at least one point.", nameof(points));
        }

        for (var i = 0; i < points.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points[i].Mid, nameof(points));
            if (i > 0 && points[i].At <= points[i - 1].At)
            {
                throw new ArgumentException("Price points must be in strictly increasing time order.", nameof(points));
            }
        }

        Points = points;
    }

    public ImmutableArray<PricePoint> Points { get; }

    internal override decimal StartMid => Points[0].Mid;
}
