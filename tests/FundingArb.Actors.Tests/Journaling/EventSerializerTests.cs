using System.Runtime.Serialization;
using System.Text;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Journaling;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Actors.Tests.Journaling;

public sealed class EventSerializerTests() : TestKit(EventSerializer.Config)
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<object> Events() =>
    [
        new ExecutorRegistered(new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m)),
        new ExecutorStored("pair-BTC-alpha-beta-1"),
        new PairEntryStarted(0.099m, 60_003.0m, 60_006.9m, 0.0009m, s_at),
        new PairOrderIntended("entry-long", "0x01", "alpha", "BTCUSDT", OrderSide.Buy, OrderType.LimitMaker, 0.099m, 60_003.0m, false, s_at, ExecutionMode.Adaptive),
        new PairLegFilled("entry-long", "alpha", "0x01", "alpha-t1", OrderSide.Buy, 60_003.0m, 0.099m, 2.97014850m, "USDT", LiquidityRole.Maker, s_at),
        new PairOrderResolved("0x01", OrderStatus.Rejected, "InsufficientMargin: beta: no margin"),
        new PairOpened(s_at),
        new PairCompletionStarted("deadline", s_at),
        new PairRollbackStarted("entry-short failed", s_at),
        new PairExitStarted(CloseType.StopLoss, "funding flip", s_at),
        new PairFundingReceived("beta", "BTCUSDT", PositionSide.Short, 0.099m, 60_000m, 0.0003m, 1.782m, s_at),
        new PairClosed(CloseType.RolledBack, "rolled back", s_at),
        new KillSwitchEngaged("drill", true, s_at),
        new KillSwitchReleased(s_at),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void EveryEvent_IsBoundToTheSerializer_AndReadsBackEqual(object @event)
    {
        var serializer = Sys.Serialization.FindSerializerFor(@event);

        Assert.Equal(EventSerializer.Id, serializer.Identifier);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, @event);
        Assert.Matches(@"^[a-z-]+\.v\d+$", manifest);
        Assert.Equal(@event, Sys.Serialization.Deserialize(serializer.ToBinary(@event), serializer.Identifier, manifest));
    }

    // As the previous journal stored them: rows written before a field was added read it as its default.
    [Fact]
    public void StoredPayloads_WithoutTheFieldsAddedSince_ReadWithTheirDefaults()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new PairOpened(s_at));
        var intended = """{"leg":"entry-long","clientOrderId":"0x01","venue":"alpha","symbol":"BTCUSDT","side":0,"type":2,"quantity":0.099,"price":null,"reduceOnly":false,"at":"2026-03-02T00:00:00+00:00"}""";
        var resolved = """{"clientOrderId":"0x01","status":4}""";

        var readIntent = (PairOrderIntended)Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(intended), serializer.Identifier, "pair-order-intended.v1");
        var readResolution = (PairOrderResolved)Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(resolved), serializer.Identifier, "pair-order-resolved.v1");

        Assert.Equal((OrderType.Market, (ExecutionMode?)null), (readIntent.Type, readIntent.Mode));
        Assert.Equal((OrderStatus.Filled, (string?)null), (readResolution.Status, readResolution.Refusal));
    }

    [Fact]
    public void UnknownManifest_IsASerializationExceptionNamingIt()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new PairOpened(s_at));

        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{}"u8.ToArray(), serializer.Identifier, "pair-teleported.v1"));

        Assert.Contains("'pair-teleported.v1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableJson_IsASerializationExceptionNamingTheManifest()
    {
        var serializer = Sys.Serialization.FindSerializerFor(new PairOpened(s_at));

        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{not json"u8.ToArray(), serializer.Identifier, "pair-opened.v1"));

        Assert.Contains("'pair-opened.v1'", error.Message, StringComparison.Ordinal);
    }
}
