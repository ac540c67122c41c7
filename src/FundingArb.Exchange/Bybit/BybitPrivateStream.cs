using System.Collections.Immutable;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Bybit;

// The venue's user stream is opened at auth, so nothing between auth and subscribe is lost at the venue; events are
// sent only for the topics subscribed so far, as Bybit does. Each fill goes out as an execution and then as the
// order's new state, the position and the wallet; a funding settlement as an execution of type Funding and the wallet;
// a liquidation as a BustTrade execution, the position and the wallet. A session that carries no message for its idle
// limit (the protocol's, or the client's `max_active_time` of 30s to 600s, e.g. `?max_active_time=1m`) is cut off with
// its auth; the client connects and authenticates again.

/// The private stream `/v5/private`: auth, then topics order, execution, position and wallet; ping.
internal sealed class BybitPrivateStream(ServedVenue served, TimeSpan? idleLimit)
{
    public const string Path = "/v5/private";

    private static readonly TimeSpan s_shortestActiveTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_longestActiveTime = TimeSpan.FromMinutes(10);

    private static readonly ImmutableHashSet<string> s_topics = ["order", "execution", "position", "wallet"];

    public async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var activeTime = context.Request.Query["max_active_time"].ToString();
        TimeSpan? limit = idleLimit;
        if (activeTime.Length > 0)
        {
            if (ActiveTime(activeTime) is not { } asked)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"max_active_time: '{activeTime}' is not 30s to 600s (or 1m to 10m)", context.RequestAborted)
                    .ConfigureAwait(false);
                return;
            }

            limit = asked;
        }

        using var session = new BybitSocketSession(await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false));
        using var idle = new IdleCutOff(served.Clock, limit);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, idle.Idle);
        var connection = context.Connection.Id;
        var subscribed = ImmutableHashSet<string>.Empty;
        Task? forward = null;
        try
        {
            while (await session.ReceiveAsync(stop.Token).ConfigureAwait(false) is { } message)
            {
                idle.Heard();
                var op = message["op"]?.GetValue<string>();
                var args = message["args"]?.AsArray().Select(a => a?.ToString() ?? string.Empty).ToArray() ?? [];
                string? refusal;
                if (op == "ping")
                {
                    await session.SendAsync(new JsonObject
                    {
                        ["req_id"] = message["req_id"]?.DeepClone() ?? string.Empty, ["op"] = "pong",
                        ["args"] = new JsonArray(BybitWire.MillisText(served.Clock.GetUtcNow())), ["conn_id"] = connection,
                    }, stop.Token).ConfigureAwait(false);
                    continue;
                }

                if (op == "auth")
                {
                    refusal = forward is not null ? "Repeat auth" : Authenticate(args);
                    if (refusal is null)
                    {
                        var events = StreamRelay.OffVenueThread(served.Venue.StreamUserEventsAsync(stop.Token), Channel.CreateUnbounded<UserEvent>(), served.Lockstep, stop.Token);
                        forward = ForwardAsync(session, events, () => Volatile.Read(ref subscribed), idle, stop.Token);
                    }
                }
                else if (op == "subscribe")
                {
                    refusal = forward is null ? "Request not authorized"
                        : args.FirstOrDefault(t => !s_topics.Contains(t)) is { } unknown ? $"Invalid topic: {unknown}" : null;
                    if (refusal is null)
                    {
                        Volatile.Write(ref subscribed, subscribed.Union(args));
                    }
                }
                else
                {
                    refusal = $"Invalid op: {op}";
                }

                await session.SendAsync(new JsonObject
                {
                    ["success"] = refusal is null, ["ret_msg"] = refusal ?? string.Empty, ["op"] = op, ["conn_id"] = connection,
                    ["req_id"] = message["req_id"]?.DeepClone() ?? string.Empty,
                }, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
            // The client went away without a close handshake: the session is over, as after a close.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (forward is not null)
            {
                await forward.ConfigureAwait(false);
            }
        }
    }

    // args: [apiKey, expires (ms, in the future), hex(HMAC_SHA256(secret, "GET/realtime" + expires))].
    private string? Authenticate(string[] args)
    {
        if (args.Length != 3 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return "Params Error";
        }

        if (!string.Equals(args[0], served.Account.ApiKey, StringComparison.Ordinal))
        {
            return "API key is invalid.";
        }

        if (expires <= BybitWire.Millis(served.Clock.GetUtcNow()))
        {
            return "Params Error: expires is in the past";
        }

        return BybitSigner.Matches(BybitSigner.SignStreamAuth(served.Account.ApiSecret, expires), args[2]) ? null : "Signature is invalid";
    }

    /// The limit a client asked for: seconds or minutes, from 30 s to 10 minutes; null when it is not one.
    private static TimeSpan? ActiveTime(string text)
    {
        var unit = text[^1] switch { 's' => TimeSpan.FromSeconds(1), 'm' => TimeSpan.FromMinutes(1), _ => TimeSpan.Zero };
        return unit > TimeSpan.Zero && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && unit * count is var limit && limit >= s_shortestActiveTime && limit <= s_longestActiveTime
                ? limit
                : null;
    }

    private async Task ForwardAsync(BybitSocketSession session, ChannelReader<UserEvent> events, Func<ImmutableHashSet<string>> topics,
        IdleCutOff idle, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var userEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (topic, data) in Translate(userEvent))
                {
                    if (topics().Contains(topic))
                    {
                        await session.SendAsync(new JsonObject
                        {
                            ["id"] = string.Create(CultureInfo.InvariantCulture, $"{served.Name}-{userEvent.Sequence}-{topic}"),
                            ["topic"] = topic, ["creationTime"] = BybitWire.Millis(userEvent.At), ["data"] = new JsonArray(data),
                        }, cancellationToken).ConfigureAwait(false);
                        idle.Heard();
                    }
                }
            }
        }
        catch (VenueUnavailableException)
        {
            session.Abort();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private IEnumerable<(string Topic, JsonObject Data)> Translate(UserEvent userEvent)
    {
        switch (userEvent)
        {
            case OrderUpdated updated when Order(updated.ClientOrderId) is { } order:
                yield return ("order", BybitOrderWire.Order(order, updated.Status, updated.Event.Reason));
                break;
            case OrderFilled filled when Order(filled.Fill.ClientOrderId) is { } order:
                yield return ("execution", BybitOrderWire.Trade(order, filled.Fill, filled.FilledQuantity));
                yield return ("order", BybitOrderWire.Order(order, filled.Status, null));
                yield return ("position", Position(filled.Symbol));
                yield return ("wallet", BybitAccountEndpoints.Account(served.Venue.Balances));
                break;
            case FundingSettled settled:
                var quote = served.Venue.Instruments.First(i => i.Symbol == settled.Payment.Symbol).Quote;
                yield return ("execution", BybitOrderWire.Funding(settled.Payment, quote.Code));
                yield return ("wallet", BybitAccountEndpoints.Account(served.Venue.Balances));
                break;
            case PositionLiquidated liquidated:
                var settleCoin = served.Venue.Instruments.First(i => i.Symbol == liquidated.Symbol).Quote;
                yield return ("execution", BybitOrderWire.Liquidation(liquidated, settleCoin.Code));
                yield return ("position", Position(liquidated.Symbol));
                yield return ("wallet", BybitAccountEndpoints.Account(served.Venue.Balances));
                break;
        }
    }

    // The position as it stands when the message goes out (flat after a close: side "" and size 0, as Bybit sends it).
    private JsonObject Position(Symbol symbol)
    {
        var hold = served.Venue.Positions.First(p => p.Key.Symbol == symbol);
        var row = BybitAccountEndpoints.Position(hold.Summary(served.Venue.Funding(symbol).MarkPrice));
        row["entryPrice"] = row["avgPrice"]!.DeepClone();
        row.Remove("avgPrice");
        row["category"] = "linear";
        return row;
    }

    private TrackedOrder? Order(ClientOrderId clientOrderId) => served.Venue.FindOrder(clientOrderId);
}
