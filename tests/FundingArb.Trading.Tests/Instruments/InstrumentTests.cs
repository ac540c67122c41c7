using FundingArb.Trading.Instruments;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class InstrumentTests
{
    [Fact]
    public void Constructor_SameBaseAndQuote_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Instrument(Binance, new Symbol("X"), Usdt, Usdt, BinanceRules));
    }

    [Fact]
    public void Constructor_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new Instrument(Binance, new Symbol("X"), Btc, Usdt, null!));
    }

    [Fact]
    public void Constructor_DefaultVenue_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new Instrument(default, new Symbol("X"), Btc, Usdt, BinanceRules));
    }

    [Fact]
    public void Constructor_DefaultSymbol_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new Instrument(Binance, default, Btc, Usdt, BinanceRules));
    }

    [Fact]
    public void Constructor_ValidArguments_KeepsThem()
    {
        var instrument = new Instrument(Binance, new Symbol("BTCUSDT"), Btc, Usdt, BinanceRules);

        Assert.Equal((Binance, "BTCUSDT", Btc, Usdt), (instrument.Venue, instrument.Symbol.Value, instrument.Base, instrument.Quote));
    }
}
