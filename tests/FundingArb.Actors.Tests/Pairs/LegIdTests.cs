using FundingArb.Actors.Pairs;

namespace FundingArb.Actors.Tests.Pairs;

public sealed class LegIdTests
{
    [Theory]
    [InlineData("entry-long", LegStage.Entry, true)]
    [InlineData("complete-short", LegStage.Complete, false)]
    [InlineData("rollback-long", LegStage.Rollback, true)]
    [InlineData("exit-short", LegStage.Exit, false)]
    public void Parse_JournalledText_GivesTheLegAndPrintsBackTheSameText(string text, LegStage stage, bool isLong)
    {
        var leg = LegId.Parse(text);

        Assert.Equal(new LegId(stage, isLong), leg);
        Assert.Equal(text, leg.ToString());
    }

    [Theory]
    [InlineData("entry")]
    [InlineData("entry-middle")]
    [InlineData("hedge-long")]
    [InlineData("")]
    public void Parse_TextThatIsNoLeg_ThrowsNamingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => LegId.Parse(text));

        Assert.StartsWith($"'{text}' is not a leg", error.Message, StringComparison.Ordinal);
    }
}
