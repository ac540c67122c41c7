using System.Text.Json.Nodes;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Snapshots;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class FundingSettlementTests
{
    private static SimulatedVenue LongOneBtc(TimeSpan interval, decimal rate, out VirtualClock clock, bool isShort = false)
    {
        var market = Flat() with { Funding = FundingPathModel.Constant(rate) };
        (clock, var venue) = Create(Settings(interval), market);
        Done(venue.PlaceOrderAsync(Market("open", isShort ? OrderSide.Sell : OrderSide.Buy, 1m), CancellationToken.None));
        return venue;
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(4, 2)]
    [InlineData(8, 1)]
    public void Settle_OverEightHours_PaysOncePerInterval(int hours, int expectedPayments)
    {
        var venue = LongOneBtc(TimeSpan.FromHours(hours), 0.0001m, out var clock);

        clock.Advance(TimeSpan.FromHours(8));

        Assert.Equal(expectedPayments, venue.FundingPayments.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void Settle_EachPayment_AtTheIntervalBoundaryFromMidnight(int hours)
    {
        var venue = LongOneBtc(TimeSpan.FromHours(hours), 0.0001m, out var clock);

        clock.Advance(TimeSpan.FromHours(8));

        var expected = Enumerable.Range(1, 8 / hours).Select(k => T0 + TimeSpan.FromHours(k * hours));
        Assert.Equal(expected, venue.FundingPayments.Select(p => p.At));
    }

    [Theory]
    [InlineData(1, "-0.1")]
    [InlineData(4, "-0.1")]
    [InlineData(8, "-0.1")]
    public void Settle_LongOnPositiveRate_PaysSizeTimesMarkTimesRate(int hours, string expected)
    {
        var venue = LongOneBtc(TimeSpan.FromHours(hours), 0.0001m, out var clock);

        clock.Advance(TimeSpan.FromHours(hours));

        var payment = Assert.Single(venue.FundingPayments);
        Assert.Equal((decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PositionSide.Long, 1000m, 0.0001m),
            (payment.Amount, payment.Side, payment.Price, payment.Rate));
    }

    [Fact]
    public void Settle_ShortOnPositiveRate_Receives()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(8), 0.0001m, out var clock, isShort: true);

        clock.Advance(TimeSpan.FromHours(8));

        Assert.Equal(0.1m, Assert.Single(venue.FundingPayments).Amount);
    }

    [Fact]
    public void Settle_Payment_IsInTheWalletAndThePosition()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(1), 0.0002m, out var clock);
        var walletBefore = venue.Balances[0].Wallet;

        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal((walletBefore - 0.6m, -0.6m), (venue.Balances[0].Wallet, venue.FundingTotal(BtcUsdt)));
    }

    [Fact]
    public void FundingHistory_Since_ListsTheMarketsPaymentsFromThatInstantOldestFirst()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(1), 0.0001m, out var clock);
        clock.Advance(TimeSpan.FromHours(4));

        var history = Done(venue.GetFundingHistoryAsync(BtcUsdt, T0 + TimeSpan.FromHours(2), CancellationToken.None));

        Assert.Equal([T0 + TimeSpan.FromHours(2), T0 + TimeSpan.FromHours(3), T0 + TimeSpan.FromHours(4)], history.Select(p => p.At));
        Assert.Equal(venue.FundingPayments.Skip(1), history);
    }

    [Fact]
    public void FundingHistory_UnknownSymbol_IsRefusedNamingIt()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(1), 0.0001m, out _);

        var error = Assert.Throws<ArgumentException>(() => Done(venue.GetFundingHistoryAsync(new Trading.Instruments.Symbol("NOPE"), T0, CancellationToken.None)));

        Assert.Contains("NOPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settle_FlatPosition_PaysNothing()
    {
        var (clock, venue) = Create(Settings(TimeSpan.FromHours(1)), Flat() with { Funding = FundingPathModel.Constant(0.0001m) });

        clock.Advance(TimeSpan.FromHours(5));

        Assert.Empty(venue.FundingPayments);
    }

    [Fact]
    public void Settle_FlatPosition_StillRecordsEachSettledRateWithItsInterval()
    {
        var funding = new FundingPathModel([new FundingPoint(T0, 0.0001m), new FundingPoint(T0 + TimeSpan.FromMinutes(90), 0.0003m)]);
        var (clock, venue) = Create(Settings(TimeSpan.FromHours(1)), Flat() with { Funding = funding });

        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(
            [(1, 0.0001m), (2, 0.0003m), (3, 0.0003m)],
            venue.FundingSettlements.Select(s => ((int)(s.At - T0).TotalHours, s.Rate.Rate)));
        Assert.All(venue.FundingSettlements, s => Assert.Equal((Alpha, BtcUsdt, Btc, TimeSpan.FromHours(1)), (s.Venue, s.Symbol, s.Asset, s.Rate.Interval)));
    }

    [Fact]
    public void ExportAndRestore_KeepsTheSettlementsAndArrivalMids()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(1), 0.0001m, out var clock);
        clock.Advance(TimeSpan.FromHours(2));

        var restored = SimulatedVenue.Restore(SimulatedVenueSnapshot.FromJson(venue.Export().ToJson()), Settings(TimeSpan.FromHours(1)),
            [Flat() with { Funding = FundingPathModel.Constant(0.0001m) }], [], new VirtualClock(clock.GetUtcNow()));

        Assert.Equal(venue.FundingSettlements.AsEnumerable(), restored.FundingSettlements.AsEnumerable());
        Assert.Equal(1000m, Assert.Single(restored.Orders).ArrivalMid);
    }

    [Fact]
    public void Restore_SnapshotWrittenBeforeSettlementsAndArrivalMidsWereKept_StartsWithoutThem()
    {
        var venue = LongOneBtc(TimeSpan.FromHours(1), 0.0001m, out var clock);
        clock.Advance(TimeSpan.FromHours(2));
        var json = JsonNode.Parse(venue.Export().ToJson())!.AsObject();
        json.Remove("fundingSettlements");
        json["orders"]![0]!.AsObject().Remove("arrivalMid");

        var restored = SimulatedVenue.Restore(SimulatedVenueSnapshot.FromJson(json.ToJsonString()), Settings(TimeSpan.FromHours(1)),
            [Flat() with { Funding = FundingPathModel.Constant(0.0001m) }], [], new VirtualClock(clock.GetUtcNow()));

        Assert.Empty(restored.FundingSettlements);
        Assert.Null(Assert.Single(restored.Orders).ArrivalMid);
    }

    [Fact]
    public void Settle_RateChangingAtTheSettlementInstant_PaysThePeriodsOwnRate()
    {
        var funding = new FundingPathModel([new FundingPoint(T0, 0.0001m), new FundingPoint(T0 + TimeSpan.FromHours(8), 0.0005m)]);
        var (clock, venue) = Create(Settings(TimeSpan.FromHours(8)), Flat() with { Funding = funding });
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(16));

        Assert.Equal([0.0001m, 0.0005m], venue.FundingPayments.Select(p => p.Rate));
    }

    [Fact]
    public void Settle_IndexBasisVenue_UsesTheIndexPrice()
    {
        var settings = Settings(TimeSpan.FromHours(1)) with { FundingBasis = PriceBasis.Oracle };
        var market = Flat() with { Funding = FundingPathModel.Constant(0.0001m), IndexBasisBps = 10m };
        var (clock, venue) = Create(settings, market);
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal((999m, -0.0999m), (venue.FundingPayments[0].Price, venue.FundingPayments[0].Amount));
    }

    [Fact]
    public void IntervalChange_EightHoursToOne_SettlesHourlyFromTheNextHour()
    {
        var market = Flat() with
        {
            Funding = FundingPathModel.Constant(0.0001m),
            IntervalChanges = [new IntervalChange(T0 + TimeSpan.FromMinutes(330), TimeSpan.FromHours(1))],
        };
        var (clock, venue) = Create(Settings(TimeSpan.FromHours(8)), market);
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(8));

        Assert.Equal([6, 7, 8], venue.FundingPayments.Select(p => (int)(p.At - T0).TotalHours));
    }

    [Fact]
    public void IntervalChange_OneHourBackToEight_NextFundingTimeFollowsTheNewGrid()
    {
        var market = Flat() with
        {
            FundingInterval = TimeSpan.FromHours(1),
            IntervalChanges = [new IntervalChange(T0 + TimeSpan.FromHours(9), TimeSpan.FromHours(8))],
        };
        var (clock, venue) = Create(Settings(), market);

        clock.Advance(TimeSpan.FromHours(9));

        var funding = venue.Funding(BtcUsdt);
        Assert.Equal((TimeSpan.FromHours(8), T0 + TimeSpan.FromHours(16)), (funding.Interval, funding.NextFundingTime));
    }

    [Fact]
    public void GetFunding_BeforeAnySettlement_ReportsRateIntervalAndNextTime()
    {
        var (_, venue) = Create(Settings(TimeSpan.FromHours(4)), Flat() with { Funding = FundingPathModel.Constant(0.00025m) });

        var funding = Done(venue.GetFundingAsync(BtcUsdt, CancellationToken.None));

        Assert.Equal((0.00025m, TimeSpan.FromHours(4), T0 + TimeSpan.FromHours(4), 1000m), (funding.Rate.Rate, funding.Interval, funding.NextFundingTime, funding.MarkPrice));
    }

    [Fact]
    public void MeanRevertingFunding_OverADay_StaysWithinItsCap()
    {
        var model = new MeanRevertingFundingModel(0.0001m, 0.0001m, reversion: 2m, volatility: 0.002m, TimeSpan.FromMinutes(1), cap: 0.0005m);
        var (clock, venue) = Create(market: Flat() with { Funding = model });
        var rates = new List<decimal>();

        for (var i = 0; i < 24; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            rates.Add(venue.Funding(BtcUsdt).Rate.Rate);
        }

        Assert.All(rates, r => Assert.InRange(r, -0.0005m, 0.0005m));
        Assert.True(rates.Distinct().Count() > 1, "the process moves");
    }
}
