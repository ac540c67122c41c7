using System.Collections.Immutable;
using FundingArb.Actors.Exposure;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Funding;

namespace FundingArb.Actors.Orchestration;

/// Start a funding-arb executor: Asset long on LongVenue/LongSymbol, short on ShortVenue/ShortSymbol.
/// Answered with ExecutorCreated or CommandRejected.
public sealed record CreateExecutor(string Asset, string LongVenue, string LongSymbol, string ShortVenue, string ShortSymbol, string Quote,
    decimal SizeQuote) : IClusterMessage;

public sealed record ExecutorCreated(string ExecutorId) : IClusterMessage;

/// Answered with CommandAccepted or CommandRejected.
public sealed record StopExecutor(string ExecutorId, bool KeepPosition) : IClusterMessage;

/// Forget a terminated executor: it is no longer restarted or reported. Answered with CommandAccepted or CommandRejected.
public sealed record StoreExecutor(string ExecutorId) : IClusterMessage;

public sealed record CommandAccepted(string ExecutorId) : IClusterMessage;

/// Field names the offending field; nothing changed.
public sealed record CommandRejected(string Field, string Reason) : IClusterMessage;

/// Shutdown's first step: the controller stops and CreateExecutor is refused; running executors carry on.
/// Answered with NewPairsStopped.
public sealed record StopNewPairs : IClusterMessage
{
    public static StopNewPairs Instance { get; } = new();
}

public sealed record NewPairsStopped : IClusterMessage
{
    public static NewPairsStopped Instance { get; } = new();
}

public sealed record GetExecutors : IClusterMessage
{
    public static GetExecutors Instance { get; } = new();
}

public sealed record ExecutorsReport(ImmutableArray<PairReport> Executors) : IClusterMessage;

/// Answered with ExecutorsReport once every registered executor has reported at least once: recovered, halted, or
/// failed to recover. A node checks what it recovered with it before it takes traffic.
public sealed record AwaitExecutorsRecovered : IClusterMessage
{
    public static AwaitExecutorsRecovered Instance { get; } = new();
}

public sealed record GetPerformance : IClusterMessage
{
    public static GetPerformance Instance { get; } = new();
}

public sealed record PerformanceReported(PerformanceReport Report) : IClusterMessage;

public sealed record GetPortfolio : IClusterMessage
{
    public static GetPortfolio Instance { get; } = new();
}

public sealed record PortfolioReport(ImmutableArray<AssetExposure> Assets) : IClusterMessage;

/// From the controller after every scan: the best direction per asset by net edge over the horizon.
public sealed record OpportunitiesUpdated(ImmutableArray<FundingOpportunity> Opportunities) : IClusterMessage;

public sealed record GetOpportunities : IClusterMessage
{
    public static GetOpportunities Instance { get; } = new();
}

public sealed record OpportunitiesReport(ImmutableArray<FundingOpportunity> Opportunities, DateTimeOffset At) : IClusterMessage;
