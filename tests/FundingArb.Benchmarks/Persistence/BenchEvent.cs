namespace FundingArb.Benchmarks.Persistence;

/// <summary>The event every persistence benchmark stores (about 60 bytes of JSON with its manifest).</summary>
public sealed record BenchEvent(long Value, decimal Amount);
