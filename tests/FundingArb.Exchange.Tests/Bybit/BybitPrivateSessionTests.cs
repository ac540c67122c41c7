using FundingArb.Exchange.Tests.Streams;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;

namespace FundingArb.Exchange.Tests.Bybit;

// A client may shorten the private stream's life with `max_active_time` (30s to 600s, or 1m to 10m): a session silent
// that long is cut off. A value outside that range refuses the connection.
public sealed class BybitPrivateSessionTests
{
    [Fact]
    public async Task MaxActiveTime_SessionSilentThatLong_IsCutOff()
    {
        await using var served = await ServedConnector.StartAsync(ServedConnector.Bybit, connect: o => AskFor((BybitV5Options)o, "30s"));
        await using var events = await served.SubscribeAsync(ServedConnector.Guard());

        served.Clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<VenueUnavailableException>(async () =>
        {
            while (await events.MoveNextAsync())
            {
            }
        });
    }

    [Theory]
    [InlineData("29s")]
    [InlineData("11m")]
    [InlineData("soon")]
    public async Task MaxActiveTime_OutsideThirtySecondsToTenMinutes_RefusesTheConnection(string asked)
    {
        await using var served = await ServedConnector.StartAsync(ServedConnector.Bybit, connect: o => AskFor((BybitV5Options)o, asked));

        await Assert.ThrowsAsync<VenueUnavailableException>(() => served.SubscribeAsync(ServedConnector.Guard()));
    }

    private static BybitV5Options AskFor(BybitV5Options options, string activeTime) =>
        new BybitV5Options(options.Venue, options.RestUrl, options.PublicStreamUrl, new Uri($"{options.PrivateStreamUrl}?max_active_time={activeTime}"),
            options.ApiKey, options.ApiSecret) { PingInterval = TimeSpan.FromHours(1) };
}
