namespace FundingArb.Benchmarks.Quick;

/// A hot-path measurement that finishes in seconds and reports plain figures, so that
/// `./build.sh bench --quick` gives every number docs/benchmarks.md quotes in under a minute.
internal interface IQuickBenchmark
{
    string Area { get; }

    IEnumerable<QuickFigure> Run();
}
