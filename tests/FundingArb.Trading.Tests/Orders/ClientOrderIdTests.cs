using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Orders;

public sealed class ClientOrderIdTests
{
    [Fact]
    public void Derive_SameInput_GivesSameId()
    {
        var first = ClientOrderId.Derive("pair-BTC-alpha-beta", 7);

        var second = ClientOrderId.Derive("pair-BTC-alpha-beta", 7);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Derive_NextSequenceNr_GivesOtherId()
    {
        var first = ClientOrderId.Derive("pair-BTC-alpha-beta", 7);

        var second = ClientOrderId.Derive("pair-BTC-alpha-beta", 8);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Derive_OtherPersistenceId_GivesOtherId()
    {
        var first = ClientOrderId.Derive("pair-BTC-alpha-beta-1", 7);

        var second = ClientOrderId.Derive("pair-BTC-alpha-beta-2", 7);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Source_TwoExecutorsManyOrders_GivesDistinctIds()
    {
        var sources = new[] { new ClientOrderIdSource("pair-BTC-alpha-beta-1"), new ClientOrderIdSource("pair-BTC-alpha-beta-2") };

        var ids = sources.SelectMany(source => Enumerable.Range(0, 10_000).Select(n => source.Derive(n))).ToHashSet();

        Assert.Equal(20_000, ids.Count);
    }

    [Fact]
    public void Derive_Any_EndsWithTheSequenceNrInHex()
    {
        var id = ClientOrderId.Derive("pair-BTC-alpha-beta", 300);

        Assert.EndsWith("000000000000012c", id.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_Any_IsHexOf128BitsWithPrefix()
    {
        var id = ClientOrderId.Derive("pair-BTC-alpha-beta", 7);

        Assert.Matches("^0x[0-9a-f]{32}$", id.Value);
    }

    [Fact]
    public void Derive_BlankPersistenceId_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => ClientOrderId.Derive(" ", 1));
    }

    [Fact]
    public void Derive_NegativeSequenceNr_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientOrderId.Derive("p", -1));
    }

    [Fact]
    public void Constructor_Blank_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new ClientOrderId(""));
    }
}
