using FundingArb.Venues.Hocon;

namespace FundingArb.Venues.Tests.Hocon;

public sealed class HoconPathTests
{
    [Theory]
    [InlineData("", "a", "a")]
    [InlineData("a", "b-c", "a.b-c")]
    [InlineData("a", "Microsoft.AspNetCore", "a.\"Microsoft.AspNetCore\"")]
    [InlineData("a", "", "a.\"\"")]
    public void Join_Key_IsQuotedOnlyWhenAPathCharacterIsInIt(string path, string key, string joined) =>
        Assert.Equal(joined, HoconPath.Join(path, key));

    [Theory]
    [InlineData("a.b.c", "a.b")]
    [InlineData("a.venues[0]", "a.venues")]
    [InlineData("a.venues[0].name", "a.venues[0]")]
    [InlineData("a.\"x.y\"", "a")]
    [InlineData("\"x.y\".z", "\"x.y\"")]
    [InlineData("a", null)]
    [InlineData("\"x.y\"", null)]
    public void Parent_Path_IsTheEnclosingObjectOrList(string path, string? parent) =>
        Assert.Equal(parent, HoconPath.Parent(path));
}
