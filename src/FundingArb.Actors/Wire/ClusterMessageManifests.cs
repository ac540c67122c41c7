using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;

namespace FundingArb.Actors.Wire;

/// The stable manifest of every message the actors exchange, so any of them may cross nodes. A renamed record keeps
/// its manifest; a changed shape gets a new version, and both are read while nodes of two versions share a cluster.
public static class ClusterMessageManifests
{
    public static IReadOnlyList<KeyValuePair<Type, string>> All { get; } =
    [
        // MarketDataMessages.cs
        KeyValuePair.Create(typeof(GetMarketSnapshot), "get-market-snapshot.v1"),
        KeyValuePair.Create(typeof(MarketSnapshot), "market-snapshot.v1"),
        KeyValuePair.Create(typeof(SubscribeMarket), "subscribe-market.v1"),
        KeyValuePair.Create(typeof(UnsubscribeMarket), "unsubscribe-market.v1"),
        KeyValuePair.Create(typeof(SubscribeAllMarkets), "subscribe-all-markets.v1"),
        KeyValuePair.Create(typeof(MarketUpdated), "market-updated.v1"),
        // Placement: HandOff.cs, PairHostMessages.cs
        KeyValuePair.Create(typeof(HandOff), "hand-off.v1"),
        KeyValuePair.Create(typeof(HostPair), "host-pair.v1"),
        KeyValuePair.Create(typeof(PairHosted), "pair-hosted.v1"),
        KeyValuePair.Create(typeof(PairHostStarted), "pair-host-started.v1"),
        KeyValuePair.Create(typeof(ReleasePair), "release-pair.v1"),
        KeyValuePair.Create(typeof(ExecutorStopped), "executor-stopped.v1"),
        // OrchestratorMessages.cs
        KeyValuePair.Create(typeof(CreateExecutor), "create-executor.v1"),
        KeyValuePair.Create(typeof(ExecutorCreated), "executor-created.v1"),
        KeyValuePair.Create(typeof(StopExecutor), "stop-executor.v1"),
        KeyValuePair.Create(typeof(StoreExecutor), "store-executor.v1"),
        KeyValuePair.Create(typeof(CommandAccepted), "command-accepted.v1"),
        KeyValuePair.Create(typeof(CommandRejected), "command-rejected.v1"),
        KeyValuePair.Create(typeof(StopNewPairs), "stop-new-pairs.v1"),
        KeyValuePair.Create(typeof(NewPairsStopped), "new-pairs-stopped.v1"),
        KeyValuePair.Create(typeof(GetExecutors), "get-executors.v1"),
        KeyValuePair.Create(typeof(ExecutorsReport), "executors-report.v1"),
        KeyValuePair.Create(typeof(AwaitExecutorsRecovered), "await-executors-recovered.v1"),
        KeyValuePair.Create(typeof(GetPerformance), "get-performance.v1"),
        KeyValuePair.Create(typeof(PerformanceReported), "performance-reported.v1"),
        KeyValuePair.Create(typeof(GetPortfolio), "get-portfolio.v1"),
        KeyValuePair.Create(typeof(PortfolioReport), "portfolio-report.v1"),
        KeyValuePair.Create(typeof(OpportunitiesUpdated), "opportunities-updated.v1"),
        KeyValuePair.Create(typeof(GetOpportunities), "get-opportunities.v1"),
        KeyValuePair.Create(typeof(OpportunitiesReport), "opportunities-report.v1"),
        // OrderActorMessages.cs
        KeyValuePair.Create(typeof(OrderIntent), "order-intent.v1"),
        KeyValuePair.Create(typeof(LegAssignment), "leg-assignment.v1"),
        KeyValuePair.Create(typeof(IntendOrder), "intend-order.v1"),
        KeyValuePair.Create(typeof(OrderIntentRecorded), "order-intent-recorded.v1"),
        KeyValuePair.Create(typeof(OrderIntentRefused), "order-intent-refused.v1"),
        KeyValuePair.Create(typeof(LegFillReported), "leg-fill-reported.v1"),
        KeyValuePair.Create(typeof(LegOrderResolved), "leg-order-resolved.v1"),
        KeyValuePair.Create(typeof(LegDone), "leg-done.v1"),
        KeyValuePair.Create(typeof(CancelLeg), "cancel-leg.v1"),
        // FundingArbExecutorMessages.cs
        KeyValuePair.Create(typeof(StopPair), "stop-pair.v1"),
        KeyValuePair.Create(typeof(AlternativeOpportunity), "alternative-opportunity.v1"),
        KeyValuePair.Create(typeof(GetPairReport), "get-pair-report.v1"),
        KeyValuePair.Create(typeof(ExecutorUpdated), "executor-updated.v1"),
        KeyValuePair.Create(typeof(ExecutorHalted), "executor-halted.v1"),
        KeyValuePair.Create(typeof(ExecutorRecoveryFailed), "executor-recovery-failed.v1"),
        KeyValuePair.Create(typeof(PairReport), "pair-report.v1"),
        // RiskGateMessages.cs
        KeyValuePair.Create(typeof(EngageKillSwitch), "engage-kill-switch.v1"),
        KeyValuePair.Create(typeof(ReleaseKillSwitch), "release-kill-switch.v1"),
        KeyValuePair.Create(typeof(GetRiskStatus), "get-risk-status.v1"),
        KeyValuePair.Create(typeof(RiskStatus), "risk-status.v1"),
        // VenueGatewayMessages.cs
        KeyValuePair.Create(typeof(PlaceOrder), "place-order.v1"),
        KeyValuePair.Create(typeof(OrderPlaced), "order-placed.v1"),
        KeyValuePair.Create(typeof(OrderRefused), "order-refused.v1"),
        KeyValuePair.Create(typeof(OrderOutcomeUnknown), "order-outcome-unknown.v1"),
        KeyValuePair.Create(typeof(CancelOrder), "cancel-order.v1"),
        KeyValuePair.Create(typeof(CancelAnswered), "cancel-answered.v1"),
        KeyValuePair.Create(typeof(QueryOrder), "query-order.v1"),
        KeyValuePair.Create(typeof(OrderQueried), "order-queried.v1"),
        KeyValuePair.Create(typeof(VenueOrderEvent), "venue-order-event.v1"),
        KeyValuePair.Create(typeof(SubscribeFunding), "subscribe-funding.v1"),
        KeyValuePair.Create(typeof(UnsubscribeFunding), "unsubscribe-funding.v1"),
        KeyValuePair.Create(typeof(FetchFundingHistory), "fetch-funding-history.v1"),
        KeyValuePair.Create(typeof(FundingHistoryFetched), "funding-history-fetched.v1"),
        KeyValuePair.Create(typeof(FundingHistoryFailed), "funding-history-failed.v1"),
        KeyValuePair.Create(typeof(UserStreamResumed), "user-stream-resumed.v1"),
        KeyValuePair.Create(typeof(FetchInstruments), "fetch-instruments.v1"),
        KeyValuePair.Create(typeof(InstrumentsFetched), "instruments-fetched.v1"),
        KeyValuePair.Create(typeof(InstrumentsFetchFailed), "instruments-fetch-failed.v1"),
        KeyValuePair.Create(typeof(FetchMarket), "fetch-market.v1"),
        KeyValuePair.Create(typeof(FetchBook), "fetch-book.v1"),
        KeyValuePair.Create(typeof(BookFetched), "book-fetched.v1"),
        KeyValuePair.Create(typeof(MarketFetched), "market-fetched.v1"),
        KeyValuePair.Create(typeof(MarketFetchFailed), "market-fetch-failed.v1"),
    ];
}
