using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Okx;

// The venue's user stream is opened at login, so nothing between login and subscribe is lost at the venue; pushes go
// out only for the channels subscribed so far, as OKX does. An order change or a fill goes out on `orders` (fills
// inline: fillSz, fillPx, tradeId, fillFee); a fill or a funding settlement then pushes `positions` and `account`, the
// balance change being how OKX shows funding (it has no funding event). Pushes read the venue's state directly, not
// through its request methods, so a request fault (a rate limit) does not silence the stream. Liquidations are not
// translated yet. A session that carries no frame for its idle limit (OKX: 30 s) is cut off with its login; the client
// connects and logs in again.

/// The private stream `/ws/v5/private`: login, then channels orders, positions and account.
internal sealed class OkxPrivateStream(ServedVenue served, OkxInstrumentIds ids, TimeSpan? idleLimit)
{
    public const string Path = "/ws/v5/private";

    private static readonly TimeSpan s_loginWindow = TimeSpan.FromSeconds(30);
    // In the order a change is pushed: the order first, then the position and the balance it moved.
    private static readonly ImmutableArray<string> s_channels = ["orders", "positions", "account"];

    public async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var idle = new IdleCutOff(served.Clock, idleLimit);
        using var session = new OkxSocketSession(await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false), context.Connection.Id, idle);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, idle.Idle);
        var subscribed = ImmutableHashSet<string>.Empty;
        Task? forward = null;
        try
        {
            while (await session.ReceiveAsync(stop.Token).ConfigureAwait(false) is { } message)
            {
                var op = message["op"]?.ToString();
                var args = (message["args"] as JsonArray ?? []).OfType<JsonObject>().ToArray();
                if (op == "login")
                {
                    var refusal = forward is not null ? ("60030", "The WebSocket endpoint does not allow multiple or repeated logins.") : Login(args);
                    if (refusal is { } refused)
                    {
                        await session.SendAsync(OkxStreamReplies.Error(refused.Code, refused.Message, session.ConnectionId), stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    var events = StreamRelay.OffVenueThread(served.Venue.StreamUserEventsAsync(stop.Token), Channel.CreateUnbounded<UserEvent>(), served.Lockstep, stop.Token);
                    forward = ForwardAsync(session, events, () => Volatile.Read(ref subscribed), stop.Token);
                    await session.SendAsync(OkxStreamReplies.LoggedIn(session.ConnectionId), stop.Token).ConfigureAwait(false);
                }
                else if (op == "subscribe")
                {
                    foreach (var arg in args)
                    {
                        var channel = arg["channel"]?.ToString() ?? string.Empty;
                        var reply = forward is null ? OkxStreamReplies.Error("60011", "Please log in", session.ConnectionId)
                            : !s_channels.Contains(channel) ? OkxStreamReplies.Error("60018", $"Wrong URL or channel:{channel} doesn't exist.", session.ConnectionId)
                            : OkxStreamReplies.Subscribed(arg, session.ConnectionId);
                        if (forward is not null && s_channels.Contains(channel))
                        {
                            Volatile.Write(ref subscribed, subscribed.Add(channel));
                        }

                        await session.SendAsync(reply, stop.Token).ConfigureAwait(false);
                    }
                }
                else
                {
                    await session.SendAsync(OkxStreamReplies.Error("60019", $"Invalid op: {op}", session.ConnectionId), stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
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

    // args: [{apiKey, passphrase, timestamp (unix seconds, within 30 s), sign = base64(HMAC(secret, ts + "GET/users/self/verify"))}].
    private (string Code, string Message)? Login(JsonObject[] args)
    {
        if (args.Length != 1)
        {
            return ("60009", "Login failed.");
        }

        var login = args[0];
        var account = served.Account;
        if (!string.Equals(login["apiKey"]?.ToString(), account.ApiKey, StringComparison.Ordinal))
        {
            return ("60005", "Invalid apiKey");
        }

        if (!long.TryParse(login["timestamp"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return ("60004", "Invalid timestamp");
        }

        if ((DateTimeOffset.FromUnixTimeSeconds(seconds) - served.Clock.GetUtcNow()).Duration() > s_loginWindow)
        {
            return ("60006", "Timestamp request expired");
        }

        if (!OkxSigner.Matches(account.Passphrase ?? string.Empty, login["passphrase"]?.ToString()))
        {
            return ("60024", "Wrong passphrase");
        }

        return OkxSigner.Matches(OkxSigner.SignLogin(account.ApiSecret, seconds), login["sign"]?.ToString()) ? null : ("60007", "Invalid sign");
    }

    private async Task ForwardAsync(OkxSocketSession session, ChannelReader<UserEvent> events, Func<ImmutableHashSet<string>> channels,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var userEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var channel in s_channels.Where(channels().Contains))
                {
                    if (Translate(userEvent, channel) is { } data)
                    {
                        var arg = new JsonObject { ["channel"] = channel };
                        if (channel != "account")
                        {
                            arg["instType"] = "SWAP";
                        }

                        await session.SendAsync(new JsonObject { ["arg"] = arg, ["data"] = data }, cancellationToken).ConfigureAwait(false);
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

    private JsonArray? Translate(UserEvent userEvent, string channel)
    {
        switch (userEvent, channel)
        {
            case (OrderUpdated updated, "orders") when served.Venue.FindOrder(updated.ClientOrderId) is { } order:
                return [OkxOrderWire.Order(order, updated.Status, updated.Event.Reason, null)];
            case (OrderFilled filled, "orders") when served.Venue.FindOrder(filled.Fill.ClientOrderId) is { } order:
                // The order may have moved on since this fill; the push describes it as of the fill.
                var data = OkxOrderWire.Order(order, filled.Status, null, filled.Fill);
                data["accFillSz"] = OkxWire.Decimal(OkxInstrumentIds.ToContracts(order.Request.Instrument, filled.FilledQuantity));
                return [data];
            case (OrderFilled or FundingSettled, "positions"):
                return [.. served.Venue.Positions.Where(p => p.NetQuantity != 0m).Select(p => (JsonNode)OkxAccountEndpoints.Position(
                    ids.Find(ids.InstId(p.Key.Symbol)), p.Summary(served.Venue.Funding(p.Key.Symbol).MarkPrice), userEvent.At))];
            case (OrderFilled or FundingSettled, "account"):
                return [OkxAccountEndpoints.Balance(served.Venue.Balances, userEvent.At)];
            default:
                return null;
        }
    }
}
