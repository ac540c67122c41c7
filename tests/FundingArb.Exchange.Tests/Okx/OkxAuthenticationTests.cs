using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Wire;

namespace FundingArb.Exchange.Tests.Okx;

/// Signed requests are checked as OKX checks them, and each refusal reaches the caller as AuthenticationFailedException
/// carrying OKX's code (HTTP 401 on the wire).
public sealed class OkxAuthenticationTests
{
    [Theory]
    [InlineData("okx-key", "wrong-secret", "okx-passphrase", "50113")]
    [InlineData("okx-key", "okx-secret", "wrong-passphrase", "50105")]
    [InlineData("other-key", "okx-secret", "okx-passphrase", "50111")]
    public async Task SignedRequest_WrongCredential_ThrowsAuthenticationFailedWithOkxCode(string key, string secret, string passphrase, string code)
    {
        await using var exchange = await OkxExchange.StartAsync(connectorAccount: new ExchangeAccount(key, secret, passphrase));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => exchange.Connector.GetBalancesAsync(Deadline.Seconds(10)).AsTask());

        Assert.StartsWith(code, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(passphrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedRequest_WithoutSimulatedTradingHeader_ThrowsAuthenticationFailedAsWrongEnvironment()
    {
        await using var exchange = await OkxExchange.StartAsync(options: o => o with { SimulatedTrading = false });

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => exchange.Connector.GetPositionsAsync(Deadline.Seconds(10)).AsTask());

        Assert.StartsWith(OkxCode.WrongEnvironment, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedRequest_TimestampOlderThan30Seconds_IsRefusedWith401And50102()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var stale = (await OkxRaw.ServerTimeAsync(exchange)).AddSeconds(-31);

        var (status, body) = await OkxRaw.SendAsync(exchange, HttpMethod.Get, "/api/v5/account/balance", string.Empty,
            m => OkxRaw.Sign(m, OkxExchange.Account.ApiSecret, OkxExchange.Account.Passphrase!, stale, "/api/v5/account/balance", string.Empty));

        Assert.Equal((401, OkxCode.TimestampExpired), (status, body.RootElement.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SignedRequest_BadSignature_IsRefusedWith401And50113()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var now = await OkxRaw.ServerTimeAsync(exchange);

        var (status, body) = await OkxRaw.SendAsync(exchange, HttpMethod.Get, "/api/v5/account/balance", string.Empty,
            m => OkxRaw.Sign(m, OkxExchange.Account.ApiSecret, OkxExchange.Account.Passphrase!, now, "/api/v5/account/positions", string.Empty));

        Assert.Equal((401, OkxCode.InvalidSign), (status, body.RootElement.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SignedRequest_VenueClockMovedAfterSync_IsResignedOnTheVenuesNewTime()
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        await using var exchange = await OkxExchange.StartAsync(clock);
        await exchange.Connector.GetBalancesAsync(Deadline.Seconds(10));

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.NotEmpty(await exchange.Connector.GetBalancesAsync(Deadline.Seconds(10)));
    }

    [Fact]
    public async Task UserStream_WrongPassphrase_FailsWithAuthenticationFailed()
    {
        await using var exchange = await OkxExchange.StartAsync(connectorAccount: new ExchangeAccount("okx-key", "okx-secret", "wrong-passphrase"));
        var events = (WebSocketSubscription<Venues.UserEvent>)exchange.Connector.StreamUserEventsAsync(Deadline.Seconds(20));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => events.Subscribed.WaitAsync(Deadline.Seconds(10)));

        Assert.StartsWith("60024", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_LeavesOutSecretAndPassphrase()
    {
        var options = OkxV5Options.AtRoot(new Trading.Instruments.VenueId("okx"), new Uri("http://127.0.0.1:1"), "okx-key", "okx-secret", "okx-passphrase");

        var text = options.ToString();

        Assert.DoesNotContain("okx-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("okx-passphrase", text, StringComparison.Ordinal);
    }
}
