namespace FundingArb.Benchmarks.Quick;

/// The statistics the quick figures quote.
internal static class Samples
{
    /// The middle sample (the upper middle of an even count), as every quick figure's median.
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
