using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void VenueId_Blank_Throws(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => new VenueId(value));
    }

    [Fact]
    public void VenueId_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new VenueId(null!));
    }

    [Fact]
    public void VenueId_SameText_AreEqual()
    {
        var a = new VenueId("binance");

        var b = new VenueId("binance");

        Assert.Equal(a, b);
    }

    [Fact]
    public void VenueId_Default_HasEmptyValue()
    {
        var id = default(VenueId);

        Assert.Equal(string.Empty, id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Symbol_Blank_Throws(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Symbol(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Asset_Blank_Throws(string code)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Asset(code));
    }

    [Fact]
    public void Asset_DifferentCase_AreDifferentAssets()
    {
        var upper = new Asset("USDT");

        var lower = new Asset("usdt");

        Assert.NotEqual(upper, lower);
    }

    [Fact]
    public void Symbol_ToString_IsTheValue()
    {
        var symbol = new Symbol("BTCUSDT");

        var text = symbol.ToString();

        Assert.Equal("BTCUSDT", text);
    }
}
