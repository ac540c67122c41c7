using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Fees;

public sealed class FeeTableTests
{
    private static readonly FeeTable s_table = new([
        new(Binance, new FeeSchedule(0.0002m, 0.0004m)),
        new(Hyperliquid, new FeeSchedule(0m, 0.00025m)),
    ]);

    [Fact]
    public void For_KnownVenue_ReturnsItsSchedule()
    {
        var schedule = s_table.For(Hyperliquid);

        Assert.Equal(new FeeSchedule(0m, 0.00025m), schedule);
    }

    [Fact]
    public void For_UnknownVenue_Throws()
    {
        Assert.Throws<ArgumentException>(() => s_table.For(Bybit));
    }

    [Fact]
    public void TryGet_UnknownVenue_ReturnsFalse()
    {
        var found = s_table.TryGet(Bybit, out _);

        Assert.False(found);
    }

    [Fact]
    public void Constructor_DuplicateVenue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FeeTable([
            new(Binance, new FeeSchedule(0m, 0m)),
            new(Binance, new FeeSchedule(0m, 0m)),
        ]));
    }

    [Fact]
    public void Constructor_DefaultVenue_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FeeTable([new(default(VenueId), new FeeSchedule(0m, 0m))]));
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new FeeTable(null!));
    }

    [Fact]
    public void Venues_ListsConfiguredVenues()
    {
        var venues = s_table.Venues.Select(v => v.Value).Order(StringComparer.Ordinal);

        Assert.Equal(["binance", "hyperliquid"], venues);
    }
}
