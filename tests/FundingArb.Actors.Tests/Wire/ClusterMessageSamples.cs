using FundingArb.Actors.Exposure;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Tests.Wire;

/// One realistic instance of every message in ClusterMessageManifests (a pair entering on alpha and beta), with the
/// figures a venue sends: decimals with trailing zeros, fills with fees in another asset, every venue error kind.
internal static class ClusterMessageSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 0, 0, 0, 120, TimeSpan.Zero);
    public static readonly Instrument AlphaBtc = new(BtcQuotes.Alpha, BtcQuotes.BtcUsdt, new Asset("BTC"), new Asset("USDT"),
        new TradingRules(0.10m, 0.001m, 0.001m, 5m, 1m, 0.05m));
    public static readonly ClientOrderId OrderId = new("fa-7c1e-000006");
    public static readonly OrderRequest Entry = OrderRequest.PostOnly(OrderId, AlphaBtc, OrderSide.Buy, 0.099m, 60_003.10m);
    public static readonly Fill FirstFill = new("alpha-t1", OrderId, OrderSide.Buy, 60_003.10m, 0.040m, new Money(-0.00120m, new Asset("USDT")),
        LiquidityRole.Maker, At.AddSeconds(2));
    public static readonly Fill SecondFill = new("alpha-t2", OrderId, OrderSide.Buy, 60_003.10m, 0.059m, new Money(0.0000012m, new Asset("BNB")),
        LiquidityRole.Taker, At.AddSeconds(3));
    public static readonly PairSpec Spec = new("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000.00m);
    public static readonly PairReport Report = new(Spec, PairPhase.Open, RunnableStatus.Running, null, null, At, null, 0.099m, 0.099m, -0.099m,
        1.78200m, 2.97014850m, -0.50m, -1.6881485m, 11_881.2280m, ["fa-7c1e-000006", "fa-7c1e-000007"], At.AddMinutes(5))
    {
        Node = "akka.tcp://fundingarb@127.0.0.1:4061",
    };

    public static IReadOnlyList<VenueException> VenueErrors { get; } =
    [
        new InsufficientMarginException(BtcQuotes.Alpha, OrderId, 3_000.50m, 120.0m),
        new PostOnlyWouldCrossException(BtcQuotes.Alpha, OrderId, 60_003.10m, 60_003.0m),
        new BelowMinNotionalException(BtcQuotes.Alpha, OrderId, 4.80m, 5m),
        new RateLimitedException(BtcQuotes.Alpha, TimeSpan.FromMilliseconds(1_500)),
        new DuplicateClientOrderIdException(BtcQuotes.Alpha, OrderId),
        new UnknownOrderException(BtcQuotes.Alpha, OrderId, "no order has this orderId"),
        new VenueUnavailableException(BtcQuotes.Alpha, answerLost: true),
        new VenueTimeoutException(BtcQuotes.Alpha, TimeSpan.FromSeconds(10)),
        new ReduceOnlyRejectedException(BtcQuotes.Alpha, OrderId, -0.099m),
        new InvalidOrderException(BtcQuotes.Alpha, OrderId, "price off the tick"),
        new AuthenticationFailedException(BtcQuotes.Alpha, "timestamp outside recvWindow"),
    ];

    public static IReadOnlyList<UserEvent> UserEvents { get; } =
    [
        new OrderFilled(BtcQuotes.Alpha, 41, At.AddSeconds(2), BtcQuotes.BtcUsdt, FirstFill, 0.040m, OrderStatus.PartiallyFilled),
        new OrderUpdated(BtcQuotes.Alpha, 42, At.AddSeconds(4), BtcQuotes.BtcUsdt, OrderId, OrderEvent.Canceled(At.AddSeconds(4), "post-only would take"),
            OrderStatus.Canceled),
        new FundingSettled(BtcQuotes.Beta, 43, At.AddHours(8),
            FundingPayment.AtSettlement(BtcQuotes.Beta, BtcQuotes.BtcUsdt, PositionSide.Short, 0.099m, 60_000.0m, 0.00030m, At.AddHours(8))),
        new PositionLiquidated(BtcQuotes.Beta, 44, At.AddHours(9), BtcQuotes.BtcUsdt, -0.099m, 66_000.5m, -594.05m, 12.5m),
    ];

    public static IReadOnlyList<object> All { get; } = Build();

    public static TrackedOrder PartlyFilledOrder() => TrackedOrder.Create(Entry, At)
        .Apply(OrderEvent.Submitted(At.AddMilliseconds(5)))
        .Apply(OrderEvent.Accepted("alpha-9001", At.AddMilliseconds(40)))
        .Apply(OrderEvent.Filled(FirstFill))
        .Apply(OrderEvent.Filled(SecondFill));

    private static List<object> Build()
    {
        var quote = BtcQuotes.Quote(BtcQuotes.Alpha, 60_000.5m, 60_003.5m, 0.0001m);
        var opportunity = new FundingOpportunity(new Asset("BTC"), BtcQuotes.Alpha, new FundingRate(0.0001m, TimeSpan.FromHours(8)), BtcQuotes.Beta,
            new FundingRate(0.00040m, TimeSpan.FromHours(1)), 0.0012m, TimeSpan.FromDays(3));
        var ack = new OrderAck(OrderId, "alpha-9001", OrderStatus.Open, 0m, At.AddMilliseconds(40));
        var entryLong = new LegId(LegStage.Entry, true);
        var margin = VenueErrors[0];
        var timeout = VenueErrors[7];
        return
        [
            GetMarketSnapshot.Instance,
            new MarketSnapshot([quote, BtcQuotes.Quote(BtcQuotes.Beta, 60_010m, 60_011.5m, 0.0004m)], At),
            new SubscribeMarket(BtcQuotes.Alpha, BtcQuotes.BtcUsdt),
            new UnsubscribeMarket(BtcQuotes.Alpha, BtcQuotes.BtcUsdt),
            SubscribeAllMarkets.Instance,
            new MarketUpdated(quote),
            HandOff.Instance,
            new HostPair(Spec),
            new PairHosted(Spec.ExecutorId, "akka.tcp://fundingarb@127.0.0.1:4061"),
            new PairHostStarted(Spec.ExecutorId),
            ReleasePair.Instance,
            new ExecutorStopped(Spec.ExecutorId),
            new CreateExecutor("BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000.00m),
            new ExecutorCreated(Spec.ExecutorId),
            new StopExecutor(Spec.ExecutorId, KeepPosition: true),
            new StoreExecutor(Spec.ExecutorId),
            new CommandAccepted(Spec.ExecutorId),
            new CommandRejected("sizeQuote", "-5 is not positive"),
            StopNewPairs.Instance,
            NewPairsStopped.Instance,
            GetExecutors.Instance,
            new ExecutorsReport([Report, Report with { Phase = PairPhase.Closed, CloseType = CloseType.EarlyStop, Halt = new PairHalt(PairHaltKind.Stranded, "beta unreachable") }]),
            AwaitExecutorsRecovered.Instance,
            GetPerformance.Instance,
            new PerformanceReported(new PerformanceReport(12.340m, -1.5m, 24_000.00m, [new CloseTypeCount(CloseType.EarlyStop, 2)],
                [new PositionSummary(new PositionKey(BtcQuotes.Alpha, BtcQuotes.BtcUsdt, PositionSide.Long), PositionSide.Long, 0.099m, 60_003.1m, 60_010m,
                    60_100m, 9.6m, 0m, -0.3m, 0.2m, 5_940.3m)])),
            GetPortfolio.Instance,
            new PortfolioReport([new AssetExposure("BTC", 0.099m, -0.099m, [new VenueHolding("alpha", "BTCUSDT", 0.099m), new VenueHolding("beta", "BTCUSDT", -0.099m)])]),
            new OpportunitiesUpdated([opportunity]),
            GetOpportunities.Instance,
            new OpportunitiesReport([opportunity], At),
            new OrderIntent(OrderId, At),
            new LegAssignment(entryLong, AlphaBtc, OrderSide.Buy, 0.099m, false, ExecutionMode.LimitWithFallback, [new OrderIntent(OrderId, At)],
                ["alpha-t1"], Entry),
            new IntendOrder(entryLong, OrderType.LimitMaker, OrderSide.Buy, 0.099m, 60_003.10m, false, ExecutionMode.LimitChaser),
            new OrderIntentRecorded(entryLong, Entry),
            new OrderIntentRefused(entryLong, "notional 6000.5 above the per-order limit 5000"),
            new LegFillReported(entryLong, FirstFill),
            new LegOrderResolved(entryLong, OrderId, OrderStatus.Rejected, "InsufficientMargin"),
            new LegDone(entryLong, 0.099m, null),
            CancelLeg.Instance,
            new StopPair(KeepPosition: false),
            new AlternativeOpportunity(new SwitchCandidate(0.0021m, 0.0012m)),
            GetPairReport.Instance,
            new ExecutorUpdated(Report),
            new ExecutorHalted(Report with { Halt = new PairHalt(PairHaltKind.RuleBroken, "leg off by 0.001") }),
            new ExecutorRecoveryFailed(Report with { Halt = new PairHalt(PairHaltKind.RecoveryFailed, "event 12 unreadable") }),
            Report,
            new EngageKillSwitch("drill", CloseAll: true),
            ReleaseKillSwitch.Instance,
            GetRiskStatus.Instance,
            new RiskStatus(true, "drill", true, -120.55m, 500m, 3, 10, "kill switch engaged: drill", At),
            new PlaceOrder(Entry),
            new OrderPlaced(OrderId, ack),
            new OrderRefused(OrderId, margin),
            new OrderOutcomeUnknown(OrderId, timeout),
            new CancelOrder(OrderId),
            new CancelAnswered(OrderId, null),
            new QueryOrder(OrderId),
            new OrderQueried(OrderId, PartlyFilledOrder(), null),
            new VenueOrderEvent(UserEvents[0]),
            new SubscribeFunding(BtcQuotes.BtcUsdt),
            new UnsubscribeFunding(BtcQuotes.BtcUsdt),
            new FetchFundingHistory(BtcQuotes.BtcUsdt, At.AddHours(-8)),
            new FundingHistoryFetched(BtcQuotes.Beta, BtcQuotes.BtcUsdt, [((FundingSettled)UserEvents[2]).Payment]),
            new FundingHistoryFailed(BtcQuotes.Beta, BtcQuotes.BtcUsdt, VenueErrors[6]),
            new UserStreamResumed(BtcQuotes.Beta),
            FetchInstruments.Instance,
            new InstrumentsFetched(BtcQuotes.Alpha, [AlphaBtc, new Instrument(BtcQuotes.Alpha, new Symbol("ETHUSDT_260327"), new Asset("ETH"), new Asset("USDT"),
                new TradingRules(0.01m, 0.01m, 0.01m, 5m), InstrumentKind.Future, isTradable: false)]),
            new InstrumentsFetchFailed(BtcQuotes.Alpha, VenueErrors[10]),
            new FetchMarket(BtcQuotes.BtcUsdt, 5),
            new FetchBook(BtcQuotes.BtcUsdt, 1),
            new BookFetched(BtcQuotes.Alpha, quote.Book),
            new MarketFetched(BtcQuotes.Alpha, quote.Funding, quote.Book),
            new MarketFetchFailed(BtcQuotes.Alpha, BtcQuotes.BtcUsdt, VenueErrors[3]),
        ];
    }
}
