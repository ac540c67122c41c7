using System.Text.Json;
using FundingArb.Trading.Liquidity;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Tests.Wire;

public sealed class JsonBookLevelsTests
{
    private static JsonElement Side(string json) => JsonDocument.Parse(json).RootElement;

    private static string Levels(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"[\"{65000 - i}.10\",\"{i + 1}.005\"]")) + "]";

    [Fact]
    public void Read_StringsAsBinanceAndBybitSendThem_AreTheLevelsBestFirst()
    {
        var side = JsonBookLevels.Read(Side("""[["65000.10","1.5"],["64999.9","0.002"]]"""), 10);

        Assert.Equal([new BookLevel(65000.10m, 1.5m), new BookLevel(64999.9m, 0.002m)], side.ToArray());
    }

    [Fact]
    public void Read_NumbersAndTheVenuesExtraItems_AreRead()
    {
        // OKX adds the liquidated orders and the order count after the size.
        var side = JsonBookLevels.Read(Side("""[["41006.8","0.60038921","0","1"],[41006.3,2]]"""), 10);

        Assert.Equal([new BookLevel(41006.8m, 0.60038921m), new BookLevel(41006.3m, 2m)], side.ToArray());
    }

    [Fact]
    public void Read_KeepsOnlyTheDepthAsked()
    {
        Assert.Equal(3, JsonBookLevels.Read(Side(Levels(20)), 3).Length);
    }

    [Fact]
    public void Read_ALevelThatIsNotADecimal_NamesIt()
    {
        var error = Assert.Throws<FormatException>(() => JsonBookLevels.Read(Side("""[["65000.1x","1"]]"""), 5));

        Assert.Contains("\"65000.1x\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AllocatesNothingPerLevelBeyondTheSnapshotsArray()
    {
        var (few, many) = (Side(Levels(5)), Side(Levels(50)));
        JsonBookLevels.Read(few, 50);
        JsonBookLevels.Read(many, 50);

        var before = GC.GetAllocatedBytesForCurrentThread();
        JsonBookLevels.Read(few, 50);
        var fewBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        JsonBookLevels.Read(many, 50);
        var manyBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // 45 more levels cost 45 more BookLevels (two decimals, 32 bytes) in the array, and nothing else.
        Assert.Equal(45 * 32, manyBytes - fewBytes);
    }
}
