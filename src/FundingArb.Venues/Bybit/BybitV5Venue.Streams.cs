using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Bybit;

// Both streams return a WebSocketSubscription whose connection starts at the call; await its Subscribed before acting on
// anything that must show on it. UserEvent.Sequence is numbered by this connector from 1 per stream: Bybit's own
// sequences are per symbol, so a gap is seen as the stream's end (VenueUnavailableException), never as a jump.

public sealed partial class BybitV5Venue
{
    private const int BookStreamCapacity = 16;

    // Bybit's linear book topics come in these depths; a request is served from the smallest one that covers it.
    private static readonly ImmutableArray<int> s_bookTopicDepths = [1, 50, 200, 500];

    // How far ahead a private stream's auth expires: enough for the round trip, short enough to be useless if replayed.
    private static readonly TimeSpan s_authExpiry = TimeSpan.FromSeconds(10);

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaximumBookDepth);
        var topic = string.Create(CultureInfo.InvariantCulture, $"orderbook.{s_bookTopicDepths.First(d => d >= depth)}.{symbol.Value}");
        var channel = Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(BookStreamCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        return new WebSocketSubscription<OrderBookSnapshot>(Id, channel, (stream, ct) => RunBookAsync(stream, topic, depth, ct), cancellationToken);
    }

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        new WebSocketSubscription<UserEvent>(Id, Channel.CreateUnbounded<UserEvent>(new UnboundedChannelOptions { SingleReader = true }), RunUserAsync,
            cancellationToken);

    private async Task RunBookAsync(WebSocketSubscription<OrderBookSnapshot> stream, string topic, int depth, CancellationToken cancellationToken)
    {
        await using var connection = await BybitStreamConnection.ConnectAsync(_options.Wire, _options.PublicStreamUrl, cancellationToken).ConfigureAwait(false);
        await RequestAsync(connection, new JsonObject { ["op"] = "subscribe", ["args"] = new JsonArray(topic) }, cancellationToken).ConfigureAwait(false);
        stream.MarkSubscribed();
        var pings = _options.Wire.StartBeside(() => connection.PingAsync(_options.PingInterval, _time, cancellationToken));
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var message = document.RootElement;
                if (message.TryGetProperty("topic", out var received) && received.GetString() == topic)
                {
                    stream.TryWrite(BybitMarketReader.Book(Id, message.GetProperty("data"), depth, BybitJson.Millis(message, "ts")));
                }
            }
        }

        await pings.ConfigureAwait(false);
    }

    private async Task RunUserAsync(WebSocketSubscription<UserEvent> stream, CancellationToken cancellationToken)
    {
        await _rest.EnsureSynchronisedAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await BybitStreamConnection.ConnectAsync(_options.Wire, _options.PrivateStreamUrl, cancellationToken).ConfigureAwait(false);
        var expires = (_rest.Clock.Now + s_authExpiry).ToUnixTimeMilliseconds();
        var auth = new JsonObject
        {
            ["op"] = "auth",
            ["args"] = new JsonArray(_options.ApiKey, expires, BybitSigner.SignStreamAuth(_options.ApiSecret, expires)),
        };
        await RequestAsync(connection, auth, cancellationToken).ConfigureAwait(false);
        await RequestAsync(connection, new JsonObject { ["op"] = "subscribe", ["args"] = new JsonArray("order", "execution") }, cancellationToken)
            .ConfigureAwait(false);
        stream.MarkSubscribed();
        var pings = _options.Wire.StartBeside(() => connection.PingAsync(_options.PingInterval, _time, cancellationToken));
        var sequence = 0L;
        while (await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            using (document)
            {
                var message = document.RootElement;
                if (!message.TryGetProperty("topic", out var topic) || !message.TryGetProperty("data", out var data))
                {
                    continue;
                }

                foreach (var item in data.EnumerateArray())
                {
                    UserEvent? userEvent = topic.GetString() switch
                    {
                        "order" => BybitOrderReader.Update(Id, sequence + 1, item),
                        "execution" when BybitOrderReader.IsTrade(item) => BybitOrderReader.Filled(Id, sequence + 1, item, SettleCoin(item)),
                        "execution" when BybitOrderReader.IsLiquidation(item) => BybitOrderReader.Liquidated(Id, sequence + 1, item),
                        "execution" when BybitOrderReader.IsFunding(item) =>
                            new FundingSettled(Id, sequence + 1, BybitJson.Millis(item, "execTime"), BybitOrderReader.Funding(Id, item)),
                        _ => null,
                    };
                    if (userEvent is not null)
                    {
                        sequence++;
                        stream.TryWrite(userEvent);
                    }
                }
            }
        }

        await pings.ConfigureAwait(false);
    }

    // The fee's asset when the row leaves feeCurrency empty: the market's settle coin, known once instruments were read.
    private Asset? SettleCoin(JsonElement execution) =>
        _instruments.TryGetValue(new Symbol(BybitJson.Text(execution, "symbol")), out var instrument) ? instrument.Quote : null;

    // Sends an op and reads its answer, which on a fresh connection is the next message. A refused auth is the
    // credentials' fault; any other refusal is a protocol error.
    private async Task RequestAsync(BybitStreamConnection connection, JsonObject request, CancellationToken cancellationToken)
    {
        var op = request["op"]!.GetValue<string>();
        await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var answer = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false) ?? throw new VenueUnavailableException(Id);
        var root = answer.RootElement;
        if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True)
        {
            return;
        }

        var reason = root.TryGetProperty("ret_msg", out var message) ? message.GetString() ?? op : op;
        throw op == "auth" ? new AuthenticationFailedException(Id, reason) : new InvalidOperationException($"{Id}: Bybit refused {op}: {reason}");
    }
}
