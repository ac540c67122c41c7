using FundingArb.Trading.Economics;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Economics;

public sealed class HindsightOracleTests
{
    private static readonly VenueId s_alpha = new("alpha");
    private static readonly VenueId s_beta = new("beta");
    private static readonly Asset s_eth = new("ETH");
    private static readonly TimeSpan s_eightHours = TimeSpan.FromHours(8);
    private static readonly TimeSpan s_fourHours = TimeSpan.FromHours(4);

    // alpha takes 4 bps, beta 5.5 bps: a taker round trip on both legs of 10,000 costs 2 × 10,000 × 0.00095 = 19.
    private static FeeSchedule Fees(VenueId venue) => venue == s_alpha ? new FeeSchedule(0.0002m, 0.0004m) : new FeeSchedule(0.0002m, 0.00055m);

    private static FundingSettlement Settled(VenueId venue, TimeSpan interval, int hour, decimal rate, Asset? asset = null) =>
        new(venue, new Symbol((asset ?? Btc).Code + "USDT"), asset ?? Btc, new FundingRate(rate, interval), T0 + TimeSpan.FromHours(hour));

    [Fact]
    public void Value_TwoVenuesThreeSettlements_IsTheBestPairsFundingLessOneTakerRoundTrip()
    {
        FundingSettlement[] settlements =
        [
            Settled(s_alpha, s_eightHours, 8, 0.001m),
            Settled(s_beta, s_fourHours, 4, 0.004m),
            Settled(s_beta, s_fourHours, 8, 0.002m),
        ];

        var oracle = HindsightOracle.Value(settlements, _ => 10_000m, Fees);

        // Long alpha, short beta enters before beta's 04:00 settlement (beta 0.001/h against alpha's 0.000125/h, the rate
        // alpha settles at 08:00): 10,000 × (0.004 + 0.002 − 0.001) = 50, less 19 of fees. Long beta, short alpha never enters.
        Assert.Equal(31m, oracle);
    }

    [Fact]
    public void Value_SpreadTurningPositiveLater_CountsOnlySettlementsFromThatInstant()
    {
        FundingSettlement[] settlements =
        [
            Settled(s_alpha, s_eightHours, 8, 0.001m),
            Settled(s_beta, s_fourHours, 4, -0.001m),
            Settled(s_beta, s_fourHours, 8, 0.004m),
        ];

        var oracle = HindsightOracle.Value(settlements, _ => 10_000m, Fees);

        // At 04:00 beta pays its shorts nothing (−0.00025/h), so the entry waits for 08:00: 10,000 × (0.004 − 0.001) − 19.
        Assert.Equal(11m, oracle);
    }

    [Fact]
    public void Value_RatesOfDifferentIntervals_ComparesThemPerHour()
    {
        // gamma's 0.0002 per hour is above alpha's 0.0012 per 8 h (0.00015/h), though alpha's rate is the larger number.
        var gamma = new VenueId("gamma");
        var settlements = Enumerable.Range(1, 8).Select(h => Settled(gamma, TimeSpan.FromHours(1), h, 0.0002m)).Append(Settled(s_alpha, s_eightHours, 8, 0.0012m));

        var oracle = HindsightOracle.Value(settlements, _ => 100_000m, _ => new FeeSchedule(0m, 0m));

        Assert.Equal(40m, oracle);
    }

    [Fact]
    public void Value_SpreadPositiveOnlyAfterAVenuesLastSettlement_EntersNothing()
    {
        FundingSettlement[] settlements =
        [
            Settled(s_alpha, s_eightHours, 8, 0.001m),
            Settled(s_beta, s_fourHours, 4, -0.001m),
            Settled(s_beta, s_fourHours, 8, -0.001m),
            Settled(s_beta, s_fourHours, 12, 0.04m),
        ];

        var oracle = HindsightOracle.Value(settlements, _ => 10_000m, Fees);

        Assert.Equal(0m, oracle);
    }

    [Fact]
    public void Value_FeesAboveTheFunding_IsZero_HoldingNothing()
    {
        FundingSettlement[] settlements =
        [
            Settled(s_alpha, s_eightHours, 8, 0.0001m),
            Settled(s_beta, s_fourHours, 4, 0.0004m),
            Settled(s_beta, s_fourHours, 8, 0.0002m),
        ];

        var oracle = HindsightOracle.Value(settlements, _ => 10_000m, Fees);

        Assert.Equal(0m, oracle);
    }

    [Fact]
    public void Value_TwoAssets_SumsEachAssetsBestPairAtItsOwnSize()
    {
        FundingSettlement[] settlements =
        [
            Settled(s_alpha, s_eightHours, 8, 0.001m),
            Settled(s_beta, s_fourHours, 4, 0.004m),
            Settled(s_beta, s_fourHours, 8, 0.002m),
            Settled(s_alpha, s_eightHours, 8, 0.001m, s_eth),
            Settled(s_beta, s_fourHours, 4, 0.004m, s_eth),
            Settled(s_beta, s_fourHours, 8, 0.002m, s_eth),
        ];

        var oracle = HindsightOracle.Value(settlements, asset => asset == s_eth ? 20_000m : 10_000m, Fees);

        Assert.Equal(31m + 62m, oracle);
    }

    [Fact]
    public void Value_TwoMarketsOfTheAssetOnOneVenue_AreNoPair()
    {
        FundingSettlement[] settlements =
        [
            new(s_beta, new Symbol("BTCUSDT"), Btc, new FundingRate(0.004m, s_fourHours), T0 + TimeSpan.FromHours(4)),
            new(s_beta, new Symbol("BTCUSDC"), Btc, new FundingRate(-0.004m, s_fourHours), T0 + TimeSpan.FromHours(4)),
        ];

        var oracle = HindsightOracle.Value(settlements, _ => 10_000m, Fees);

        Assert.Equal(0m, oracle);
    }

    [Fact]
    public void Value_OneVenue_HasNoPairAndIsZero()
    {
        var oracle = HindsightOracle.Value([Settled(s_beta, s_fourHours, 4, 0.004m)], _ => 10_000m, Fees);

        Assert.Equal(0m, oracle);
    }
}
