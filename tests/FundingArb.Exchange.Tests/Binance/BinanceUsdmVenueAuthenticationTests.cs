using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Binance;

public sealed class BinanceUsdmVenueAuthenticationTests
{
    [Fact]
    public async Task WrongSecret_IsRefusedAsAuthenticationFailed()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var connector = harness.Connect(BinanceHarness.ApiKey, "not-the-secret");

        var refusal = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await connector.GetBalancesAsync(BinanceHarness.Guard()));

        Assert.Contains("-1022", refusal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKey_IsRefusedAsAuthenticationFailed()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var connector = harness.Connect("someone-else", BinanceHarness.ApiSecret);

        var refusal = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await connector.GetPositionsAsync(BinanceHarness.Guard()));

        Assert.Contains("-2015", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleTimestamp_IsRefusedOnceAndTheClockResyncs()
    {
        await using var harness = await BinanceHarness.StartAsync(separateClientClock: true);
        await harness.Connector.GetBalancesAsync(BinanceHarness.Guard());
        harness.ServerClock.Advance(TimeSpan.FromSeconds(6));

        var refusal = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await harness.Connector.GetBalancesAsync(BinanceHarness.Guard()));
        var balances = await harness.Connector.GetBalancesAsync(BinanceHarness.Guard());

        Assert.Contains("-1021", refusal.Reason, StringComparison.Ordinal);
        Assert.Single(balances);
    }

    [Fact]
    public async Task RateLimited_RaisesRetryAfterAndRefusesToSendUntilItPasses()
    {
        await using var harness = await BinanceHarness.StartAsync([new RateLimitFault(BinanceHarness.Start, TimeSpan.FromSeconds(2))], separateClientClock: true);

        var refusal = await Assert.ThrowsAsync<RateLimitedException>(async () => await harness.Connector.GetMarkPriceAsync(BinanceHarness.Btc, BinanceHarness.Guard()));
        harness.ServerClock.Advance(TimeSpan.FromSeconds(2));
        harness.ClientClock.Advance(TimeSpan.FromSeconds(1));
        var held = await Assert.ThrowsAsync<RateLimitedException>(async () => await harness.Connector.GetMarkPriceAsync(BinanceHarness.Btc, BinanceHarness.Guard()));
        harness.ClientClock.Advance(TimeSpan.FromSeconds(1));
        var mark = await harness.Connector.GetMarkPriceAsync(BinanceHarness.Btc, BinanceHarness.Guard());

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), (refusal.RetryAfter, held.RetryAfter));
        Assert.Equal(BinanceHarness.Start.AddSeconds(2), mark.At);
    }

    [Fact]
    public void Options_NeverPrintTheSecret()
    {
        var text = new Venues.Binance.BinanceUsdmOptions(BinanceHarness.VenueId, new Uri("https://fapi.binance.com"), new Uri("wss://fstream.binance.com"), "key",
            "very-secret").ToString();

        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
    }
}
