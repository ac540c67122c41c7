using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Exchange.Lockstep;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Lockstep;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// The simulated venue's stream readers continue on the venue's thread (under its lock), so each stream is first
// handed over to a channel whose reader runs on the thread pool; only that reader translates and writes to the
// socket. When the venue drops its connection (a disconnect fault) the socket is aborted, not closed: the client
// sees the connection fail, as it would on Binance. Mark prices are sampled every 3 s (every 1 s with @1s).
// A user stream whose listen key lapses (no keep-alive for 60 minutes, or the key was closed) gets a listenKeyExpired
// event and then nothing more, on a socket Binance leaves open: the client must create a key and connect again.

internal sealed partial class BinanceUsdmApi
{
    private static readonly TimeSpan s_markInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_fastMarkInterval = TimeSpan.FromSeconds(1);

    private void MapStreams(IEndpointRouteBuilder routes)
    {
        routes.Map("/market/ws/{stream}", context => StreamAsync(context, MarkPricesAsync));
        routes.Map("/public/ws/{stream}", context => StreamAsync(context, BooksAsync));
        routes.Map("/private/ws", context => StreamAsync(context, UserEventsAsync));
    }

    private static async Task StreamAsync(HttpContext context, Func<HttpContext, CancellationToken, IAsyncEnumerable<JsonObject>> messages)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        IAsyncEnumerable<JsonObject> stream;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        try
        {
            stream = messages(context, closed.Token);
        }
        catch (BinanceApiError error)
        {
            context.Response.StatusCode = (int)error.Status;
            await context.Response.WriteAsync(new JsonObject { ["code"] = error.Code, ["msg"] = error.Message }.ToJsonString(), context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var receiving = CancelWhenClosedAsync(socket, closed);
        try
        {
            await foreach (var message in stream.WithCancellation(closed.Token).ConfigureAwait(false))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, closed.Token)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            return;
        }
        catch (VenueUnavailableException)
        {
            socket.Abort();
            return;
        }
        catch (WebSocketException)
        {
            return;
        }
        finally
        {
            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    private static async Task CancelWhenClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            return;
        }

        await closed.CancelAsync().ConfigureAwait(false);
    }

    private IAsyncEnumerable<JsonObject> MarkPricesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var stream = StreamName(context);
        var parts = stream.Split('@');
        if (parts.Length is < 2 or > 3 || parts[1] != "markPrice" || (parts.Length == 3 && parts[2] != "1s"))
        {
            throw BinanceApiError.IllegalParameter("stream", stream);
        }

        return MarkPricesAsync(Instrument(parts[0].ToUpperInvariant()).Symbol, parts.Length == 3 ? s_fastMarkInterval : s_markInterval, cancellationToken);
    }

    private async IAsyncEnumerable<JsonObject> MarkPricesAsync(Symbol symbol, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _served.Clock);
        do
        {
            yield return BinanceMarketPayloads.MarkPriceUpdate(_venue.Funding(symbol), Now);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private IAsyncEnumerable<JsonObject> BooksAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var stream = StreamName(context);
        var parts = stream.Split('@');
        if (parts.Length is < 2 or > 3 || !parts[1].StartsWith("depth", StringComparison.Ordinal)
            || !int.TryParse(parts[1].AsSpan("depth".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var levels) || levels is not (5 or 10 or 20))
        {
            throw BinanceApiError.IllegalParameter("stream", stream);
        }

        var symbol = Instrument(parts[0].ToUpperInvariant()).Symbol;
        return BooksAsync(HandOver(_venue.StreamOrderBookAsync(symbol, levels, cancellationToken), lockstep: null, cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<JsonObject> BooksAsync(ChannelReader<OrderBookSnapshot> books, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var previous = 0L;
        await foreach (var book in books.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return BinanceMarketPayloads.DepthUpdate(book, previous);
            previous = book.Sequence;
        }
    }

    private IAsyncEnumerable<JsonObject> UserEventsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var key = context.Request.Query["listenKey"].ToString();
        if (!_listenKeys.IsAlive(key))
        {
            throw BinanceApiError.BadRequest(-1125, "This listenKey does not exist.");
        }

        return UserEventsAsync(key, HandOver(_venue.StreamUserEventsAsync(cancellationToken), _served.Lockstep, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<JsonObject> UserEventsAsync(string listenKey, ChannelReader<UserEvent> events,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lapsed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = WatchListenKeyAsync(listenKey, lapsed, cancellationToken);
        try
        {
            while (await WaitForEventAsync(events, lapsed.Token).ConfigureAwait(false))
            {
                while (events.TryRead(out var userEvent))
                {
                    if (Translate(userEvent) is { } message)
                    {
                        yield return message;
                    }
                }
            }

            if (lapsed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                yield return BinanceUserStreamPayloads.ListenKeyExpired(listenKey, Now);
                await Task.Delay(Timeout.InfiniteTimeSpan, _served.Clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await lapsed.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
        }
    }

    /// False when the events end or the key lapsed; a venue drop (the channel's failure) is thrown.
    private static async Task<bool> WaitForEventAsync(ChannelReader<UserEvent> events, CancellationToken lapsed)
    {
        try
        {
            return await events.WaitToReadAsync(lapsed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lapsed.IsCancellationRequested)
        {
            return false;
        }
    }

    /// Cancels lapsed once the key is no longer alive, following every keep-alive that extends it.
    private async Task WatchListenKeyAsync(string listenKey, CancellationTokenSource lapsed, CancellationToken cancellationToken)
    {
        try
        {
            while (_listenKeys.ExpiresAt(listenKey) is { } expiresAt)
            {
                await Task.Delay(Max(expiresAt - Now, TimeSpan.Zero), _served.Clock, lapsed.Token).ConfigureAwait(false);
            }

            await lapsed.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lapsed.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
        }
    }

    private JsonObject? Translate(UserEvent userEvent)
    {
        switch (userEvent)
        {
            case OrderUpdated updated when _venue.FindOrder(updated.ClientOrderId) is { } order && ExecutionType(updated.Event.Kind) is { } execution:
                return BinanceUserStreamPayloads.OrderUpdate(order.Request, BinanceWire.OrderId(order.VenueOrderId!), execution, updated.Status,
                    order.FilledQuantity, order.AveragePrice ?? 0m, updated.At);
            case OrderFilled filled when _venue.FindOrder(filled.Fill.ClientOrderId) is { } order:
                return BinanceUserStreamPayloads.Trade(order.Request, BinanceWire.OrderId(order.VenueOrderId!), filled, order.AveragePrice ?? filled.Fill.Price);
            case FundingSettled settled:
                var payment = settled.Payment;
                var quote = Instrument(payment.Symbol.Value).Quote;
                var wallet = _venue.Balances.FirstOrDefault(b => b.Asset == quote)?.Wallet ?? 0m;
                var entry = _venue.Positions.FirstOrDefault(p => p.Key.Symbol == payment.Symbol)?.AveragePrice ?? 0m;
                return BinanceUserStreamPayloads.FundingFee(payment, quote.Code, wallet, entry);
            case PositionLiquidated liquidated:
                return BinanceUserStreamPayloads.Liquidation(liquidated, Instrument(liquidated.Symbol.Value).Quote.Code);
            default:
                return null;
        }
    }

    private static string? ExecutionType(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Accepted => "NEW",
        OrderEventKind.Canceled => "CANCELED",
        OrderEventKind.Expired => "EXPIRED",
        OrderEventKind.Rejected => "REJECTED",
        _ => null,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string StreamName(HttpContext context) => context.GetRouteValue("stream") as string ?? string.Empty;

    /// lockstep, when set, counts each item until the socket's writer has handled it (a lockstep simulation; books,
    /// which a full buffer drops unread, are not counted and no simulated node reads them).
    private static ChannelReader<T> HandOver<T>(IAsyncEnumerable<T> source, WireLockstep? lockstep, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var counted = lockstep is null ? null : new LockstepRelayReader<T>(channel.Reader, lockstep, cancellationToken);
        _ = RelayAsync(source, channel.Writer, counted, cancellationToken);
        return counted ?? channel.Reader;
    }

    private static async Task RelayAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, LockstepRelayReader<T>? counted, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                counted?.Writing();
                writer.TryWrite(item);
            }

            writer.TryComplete();
        }
        catch (Exception error) when (error is VenueException or OperationCanceledException or ObjectDisposedException)
        {
            writer.TryComplete(error);
        }
    }
}
