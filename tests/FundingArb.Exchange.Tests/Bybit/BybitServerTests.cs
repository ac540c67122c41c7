using System.Globalization;
using FundingArb.Venues.Bybit;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitServerTests
{
    private const string WalletQuery = "accountType=UNIFIED";

    [Theory]
    [InlineData(-5000, BybitRetCode.Ok)]
    [InlineData(-5001, BybitRetCode.TimestampOutsideWindow)]
    [InlineData(999, BybitRetCode.Ok)]
    [InlineData(1000, BybitRetCode.TimestampOutsideWindow)]
    public async Task SignedRequest_TimestampWindowIsServerMinusRecvWindowToServerPlusOneSecond(long shiftMs, int retCode)
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.SendAsync(HttpMethod.Get, "/v5/account/wallet-balance", WalletQuery, new BybitRawClient.Signing(TimestampShiftMs: shiftMs));

        Assert.Equal(retCode, answer.RetCode);
    }

    [Fact]
    public async Task SignedRequest_UnknownKey_Answers10003()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.SendAsync(HttpMethod.Get, "/v5/account/wallet-balance", WalletQuery, new BybitRawClient.Signing(ApiKey: "stranger"));

        Assert.Equal(BybitRetCode.InvalidApiKey, answer.RetCode);
    }

    [Fact]
    public async Task SignedRequest_SignedWithAnotherSecret_Answers10004()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.SendAsync(HttpMethod.Get, "/v5/account/wallet-balance", WalletQuery, new BybitRawClient.Signing(ApiSecret: "guess"));

        Assert.Equal(BybitRetCode.InvalidSign, answer.RetCode);
        Assert.DoesNotContain("bybit-secret", answer.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedRequest_QueryChangedAfterSigning_Answers10004()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);
        var signing = new BybitRawClient.Signing();

        var honest = await client.SendAsync(HttpMethod.Get, "/v5/position/list", "category=linear&settleCoin=USDT", signing);
        var tampered = await client.SendAsync(HttpMethod.Get, "/v5/position/list", "category=linear&symbol=BTCUSDT",
            signing with { SignedPayload = "category=linear&settleCoin=USDT" });

        Assert.Equal(BybitRetCode.Ok, honest.RetCode);
        Assert.Equal(BybitRetCode.InvalidSign, tampered.RetCode);
    }

    [Fact]
    public async Task OrderCreate_BeyondThePerSecondLimit_Answers10006_WithTheLimitHeaders()
    {
        await using var harness = await BybitHarness.StartAsync(ordersPerSecond: 2);
        using var client = new BybitRawClient(harness);

        var answers = new List<BybitRawAnswer>();
        foreach (var id in new[] { "a", "b", "c" })
        {
            answers.Add(await client.PostAsync("/v5/order/create", Limit(id)));
        }

        Assert.Equal([BybitRetCode.Ok, BybitRetCode.Ok, BybitRetCode.TooManyVisits], answers.Select(a => a.RetCode));
        Assert.Equal(["1", "0", "0"], answers.Select(a => a.Header("X-Bapi-Limit-Status")));
        Assert.Equal("2", answers[2].Header("X-Bapi-Limit"));
        var reset = harness.Clock.GetUtcNow().AddSeconds(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(reset, answers[2].Header("X-Bapi-Limit-Reset-Timestamp"));
        Assert.Equal(2, harness.Venue.Orders.Length);
    }

    [Fact]
    public async Task AnyRequest_WhileTheVenueRateLimits_Answers10006_ResettingWhenTheFaultEnds()
    {
        var start = Venues.Simulation.VirtualClock.DefaultStart;
        await using var harness = await BybitHarness.StartAsync(faults: [new Venues.Simulation.Faults.RateLimitFault(start, TimeSpan.FromSeconds(20))]);
        using var client = new BybitRawClient(harness);

        var answer = await client.GetAsync("/v5/market/tickers", "category=linear&symbol=BTCUSDT", signed: false);

        Assert.Equal(BybitRetCode.TooManyVisits, answer.RetCode);
        Assert.Equal(start.AddSeconds(20).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), answer.Header("X-Bapi-Limit-Reset-Timestamp"));
    }

    [Fact]
    public async Task OrderCreate_OrderLinkIdWithForbiddenCharacters_Answers10001_NamingTheField()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.PostAsync("/v5/order/create", Limit("no spaces allowed"));

        Assert.Equal(BybitRetCode.ParamsError, answer.RetCode);
        Assert.Contains("orderLinkId 'no spaces allowed'", answer.Body.GetProperty("retMsg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FundingHistory_StartTimeWithoutEndTime_Answers10001()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.GetAsync("/v5/market/funding/history", "category=linear&symbol=BTCUSDT&startTime=1767225600000", signed: false);

        Assert.Equal(BybitRetCode.ParamsError, answer.RetCode);
        Assert.Contains("endTime", answer.Body.GetProperty("retMsg").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v5/position/list", "category=linear")]
    [InlineData("/v5/order/realtime", "category=linear&orderLinkId=any")]
    public async Task LinearList_WithNeitherSymbolNorSettleCoin_Answers10001(string path, string query)
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.GetAsync(path, query);

        Assert.Equal(BybitRetCode.ParamsError, answer.RetCode);
        Assert.Contains("settleCoin", answer.Body.GetProperty("retMsg").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("startTime=1767225600000&endTime=1767830400001", BybitRetCode.ParamsError)]
    [InlineData("startTime=1767225600000&endTime=1767830400000", BybitRetCode.Ok)]
    public async Task ExecutionList_WindowOfSevenDaysIsTaken_ALongerOneAnswers10001(string window, int retCode)
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var answer = await client.GetAsync("/v5/execution/list", $"category=linear&symbol=BTCUSDT&{window}");

        Assert.Equal(retCode, answer.RetCode);
    }

    [Fact]
    public async Task InstrumentsInfo_LastPage_HasAnEmptyCursor_AndTheIntervalInMinutes()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);

        var first = await client.GetAsync("/v5/market/instruments-info", "category=linear&limit=1", signed: false);
        var cursor = first.Result.GetProperty("nextPageCursor").GetString();

        Assert.Equal("BTCUSDT", first.Result.GetProperty("list")[0].GetProperty("symbol").GetString());
        Assert.Equal(string.Empty, cursor);
        Assert.Equal(480, first.Result.GetProperty("list")[0].GetProperty("fundingInterval").GetInt32());
    }

    [Fact]
    public void Signer_SignsTimestampKeyRecvWindowAndPayload_InThatOrder()
    {
        // Computed outside .NET: hmac.new(b"bybit-secret", b"1700000000000bybit-key5000category=linear&symbol=BTCUSDT", sha256).
        Assert.Equal("6ad0e52c98aae30f17e58f74f4155bf306d621b207d29fbb78724741657dcf9d",
            BybitSigner.SignRequest("bybit-secret", 1700000000000, "bybit-key", 5000, "category=linear&symbol=BTCUSDT"));
        Assert.Equal("063ffd267233ef9ccd6ce30a657b25dd719750812076acdc78373fc0a797cc23", BybitSigner.SignStreamAuth("bybit-secret", 1700000010000));
    }

    private static string Limit(string id) =>
        $$"""{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.01","price":"990","timeInForce":"GTC","orderLinkId":"{{id}}"}""";
}
