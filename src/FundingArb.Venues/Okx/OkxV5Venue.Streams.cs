using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Okx;

// Both streams return an WebSocketSubscription whose connection starts at the call; await its Subscribed before acting on
// anything that must show on it. UserEvent.Sequence is numbered by this connector from 1 per stream. OKX has no funding
// event: a settlement shows as an `account` push (the balance changed), on which the connector reads the funding bills
// since the last one it reported and emits each new one as FundingSettled.

public sealed partial class OkxV5Venue
{
    private const int BookStreamCapacity = 16;
    private const int Books5Depth = 5;

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaximumBookDepth);
        var channel = Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(BookStreamCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        return new WebSocketSubscription<OrderBookSnapshot>(Id, channel, (stream, ct) => RunBookAsync(stream, symbol, depth, ct), cancellationToken);
    }

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        new WebSocketSubscription<UserEvent>(Id, Channel.CreateUnbounded<UserEvent>(new UnboundedChannelOptions { SingleReader = true }), RunUserAsync,
            cancellationToken);

    // books5 covers a depth up to 5; deeper books come from `books` (400 levels).
    private async Task RunBookAsync(WebSocketSubscription<OrderBookSnapshot> stream, Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var channelName = depth <= Books5Depth ? "books5" : "books";
        await using var connection = await OkxStreamConnection.ConnectAsync(_options.Wire, _options.PublicStreamUrl, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(Subscribe(new JsonObject { ["channel"] = channelName, ["instId"] = symbol.Value }), cancellationToken).ConfigureAwait(false);
        var pings = _options.Wire.StartBeside(() => connection.PingAsync(_options.PingInterval, _time, cancellationToken));
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var message = document.RootElement;
                if (IsReply(message, stream.MarkSubscribed))
                {
                    continue;
                }

                if (message.TryGetProperty("data", out var data))
                {
                    foreach (var item in data.EnumerateArray())
                    {
                        stream.TryWrite(OkxMarketReader.Book(Id, instrument, item, depth));
                    }
                }
            }
        }

        await pings.ConfigureAwait(false);
    }

    private async Task RunUserAsync(WebSocketSubscription<UserEvent> stream, CancellationToken cancellationToken)
    {
        await _rest.EnsureSynchronisedAsync(cancellationToken).ConfigureAwait(false);
        if (_instruments.IsEmpty)
        {
            await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        }

        var fundingSince = _rest.Clock.Now;
        var reported = new HashSet<(Symbol, DateTimeOffset)>();
        await using var connection = await OkxStreamConnection.ConnectAsync(_options.Wire, _options.PrivateStreamUrl, cancellationToken).ConfigureAwait(false);
        var timestamp = _rest.Clock.Now.ToUnixTimeSeconds();
        var login = new JsonObject
        {
            ["apiKey"] = _options.ApiKey, ["passphrase"] = _options.Passphrase,
            ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sign"] = OkxSigner.SignLogin(_options.ApiSecret, timestamp),
        };
        await connection.SendAsync(new JsonObject { ["op"] = "login", ["args"] = new JsonArray(login) }, cancellationToken).ConfigureAwait(false);
        using (var answer = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) ?? throw new VenueUnavailableException(Id))
        {
            var reply = answer.RootElement;
            if (OkxJson.Text(reply, "event") != "login" || OkxJson.Text(reply, "code") != OkxCode.Ok)
            {
                throw new AuthenticationFailedException(Id, $"{OkxJson.Text(reply, "code")} {OkxJson.Text(reply, "msg")}");
            }
        }

        await connection.SendAsync(Subscribe(new JsonObject { ["channel"] = "orders", ["instType"] = "SWAP" }, new JsonObject { ["channel"] = "account" }),
            cancellationToken).ConfigureAwait(false);
        var confirmations = 0;
        var pings = _options.Wire.StartBeside(() => connection.PingAsync(_options.PingInterval, _time, cancellationToken));
        var sequence = 0L;
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var message = document.RootElement;
                if (IsReply(message, () =>
                    {
                        if (++confirmations == 2)
                        {
                            stream.MarkSubscribed();
                        }
                    }))
                {
                    continue;
                }

                if (!message.TryGetProperty("arg", out var arg) || !message.TryGetProperty("data", out var data))
                {
                    continue;
                }

                if (OkxJson.Text(arg, "channel") == "orders")
                {
                    foreach (var order in data.EnumerateArray())
                    {
                        var instrument = await InstrumentAsync(new Symbol(OkxJson.Text(order, "instId")), cancellationToken).ConfigureAwait(false);
                        foreach (var userEvent in OkxOrderReader.Events(Id, instrument, order, () => ++sequence))
                        {
                            stream.TryWrite(userEvent);
                        }
                    }
                }
                else
                {
                    foreach (var payment in await NewFundingAsync(fundingSince, reported, cancellationToken).ConfigureAwait(false))
                    {
                        stream.TryWrite(new FundingSettled(Id, ++sequence, payment.At, payment));
                    }
                }
            }
        }

        await pings.ConfigureAwait(false);
    }

    // The funding bills at or after since on every instrument, less those already reported, oldest first. A rate limit
    // skips this look (nothing was read, so nothing is marked reported): the next account push looks again.
    private async Task<List<FundingPayment>> NewFundingAsync(DateTimeOffset since, HashSet<(Symbol, DateTimeOffset)> reported, CancellationToken cancellationToken)
    {
        var found = new List<FundingPayment>();
        try
        {
            foreach (var symbol in _instruments.Keys)
            {
                found.AddRange(await GetFundingHistoryAsync(symbol, since, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (RateLimitedException)
        {
            return [];
        }

        var fresh = new List<FundingPayment>();
        foreach (var payment in found.OrderBy(p => p.At))
        {
            if (reported.Add((payment.Symbol, payment.At)))
            {
                fresh.Add(payment);
            }
        }

        return fresh;
    }

    private static JsonObject Subscribe(params JsonObject[] args) => new() { ["op"] = "subscribe", ["args"] = new JsonArray(args) };

    // An event reply: a subscribe confirmation calls confirmed; an error means the venue refused the subscription.
    private bool IsReply(JsonElement message, Action confirmed)
    {
        if (!message.TryGetProperty("event", out var kind))
        {
            return false;
        }

        if (kind.GetString() == "error")
        {
            throw new InvalidOperationException($"{Id}: OKX refused the subscription: {OkxJson.Text(message, "code")} {OkxJson.Text(message, "msg")}");
        }

        if (kind.GetString() == "subscribe")
        {
            confirmed();
        }

        return true;
    }
}
