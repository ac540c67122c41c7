using System.Collections.Immutable;

namespace FundingArb.Venues.Simulation;

/// A step function: each point's rate holds from its instant until the next point; before the first point the
/// rate is the first point's. No points means a rate of zero.
public sealed record FundingPathModel : FundingModel
{
    public FundingPathModel(ImmutableArray<FundingPoint> points)
    {
        points = points.IsDefault ? [] : points;
        for (var i = 1; i < points.Length; i++)
        {
            if (points[i].At <= points[i - 1].At)
            {
                throw new ArgumentException("Funding points must be in strictly increasing time order.", nameof(points));
            }
        }

        Points = points;
    }

    public static FundingPathModel Constant(decimal rate) => new([new FundingPoint(DateTimeOffset.MinValue, rate)]);

    public ImmutableArray<FundingPoint> Points { get; }
}
