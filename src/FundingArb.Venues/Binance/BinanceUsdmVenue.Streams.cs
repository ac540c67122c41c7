using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Binance;

// Books come from the partial-depth stream (<symbol>@depth<5|10|20>@100ms): each message is a whole top of book, so
// a reader that falls behind only needs the newest, and older ones are dropped. The user stream needs a listen key,
// kept alive with a PUT every ListenKeyKeepAlive; a failed keep-alive ends the stream like a dropped socket.
// The key is never deleted when a stream ends: Binance hands out one key per account while it lives, so other
// subscriptions may share it, and deleting it would end theirs. A listenKeyExpired event ends the stream as a drop.
// A funding payment's ACCOUNT_UPDATE carries the amount and the position, not the rate: the rate and mark of that
// settlement are read from the public fundingRate history.

public sealed partial class BinanceUsdmVenue
{
    private const int BookBufferCapacity = 16;

    private static readonly int[] s_streamDepths = [5, 10, 20];

    public IAsyncEnumerable<OrderBookSnapshot> StreamOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, s_streamDepths[^1]);
        var levels = s_streamDepths.First(l => l >= depth);
        var uri = new Uri(_options.WebSocketUrl,
            string.Create(CultureInfo.InvariantCulture, $"/public/ws/{symbol.Value.ToLowerInvariant()}@depth{levels}@100ms"));
        return new BinanceSubscription<OrderBookSnapshot>(BinanceSocket.ConnectAsync(Id, _options.Wire, uri, cancellationToken),
            (socket, token) => BooksAsync(socket, depth, token), cancellationToken);
    }

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        new BinanceSubscription<UserEvent>(ConnectUserStreamAsync(cancellationToken), UserEventsAsync, cancellationToken);

    private async IAsyncEnumerable<OrderBookSnapshot> BooksAsync(WebSocket socket, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var newest = Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(BookBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveBooksAsync(socket, depth, newest.Writer, stop.Token);
        try
        {
            await foreach (var book in newest.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return book;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    private async Task ReceiveBooksAsync(WebSocket socket, int depth, ChannelWriter<OrderBookSnapshot> books, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in BinanceSocket.MessagesAsync(Id, socket, cancellationToken).ConfigureAwait(false))
            {
                books.TryWrite(BinanceMarketParser.BookUpdate(Id, message, depth));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            books.TryComplete();
        }
        catch (Exception error) when (error is VenueException or FormatException or JsonException)
        {
            books.TryComplete(error);
        }
    }

    private async Task<WebSocket> ConnectUserStreamAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new BinanceCall(HttpMethod.Post, "/fapi/v1/listenKey", [], BinanceAuth.ApiKey, 1), cancellationToken).ConfigureAwait(false);
        var key = BinanceJson.String(answer, "listenKey");
        return await BinanceSocket.ConnectAsync(Id, _options.Wire, new Uri(_options.WebSocketUrl, $"/private/ws?listenKey={Uri.EscapeDataString(key)}"), cancellationToken)
            .ConfigureAwait(false);
    }

    private async IAsyncEnumerable<UserEvent> UserEventsAsync(WebSocket socket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var alive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = _options.Wire.StartBeside(() => KeepListenKeyAliveAsync(alive));
        var sequence = 0L;
        try
        {
            await foreach (var message in ReadUntilLostAsync(socket, alive.Token, cancellationToken).ConfigureAwait(false))
            {
                switch (BinanceJson.String(message, "e"))
                {
                    case "ORDER_TRADE_UPDATE" when BinanceUserEventParser.OrderTradeUpdate(Id, sequence + 1, message) is { } userEvent:
                        sequence++;
                        yield return userEvent;
                        break;
                    case "ACCOUNT_UPDATE":
                        foreach (var fee in BinanceUserEventParser.FundingFees(message))
                        {
                            var payment = await FundingPaymentAsync(fee.Symbol, fee.Position, fee.Amount, fee.At, cancellationToken).ConfigureAwait(false);
                            yield return new FundingSettled(Id, ++sequence, fee.At, payment);
                        }

                        break;
                    case "listenKeyExpired":
                        throw new VenueUnavailableException(Id);
                }
            }
        }
        finally
        {
            await alive.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    /// The socket's messages; a lost keep-alive (alive cancelled while the caller's token is not) counts as a drop.
    private async IAsyncEnumerable<JsonElement> ReadUntilLostAsync(WebSocket socket, CancellationToken alive,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var messages = BinanceSocket.MessagesAsync(Id, socket, alive).GetAsyncEnumerator(alive);
        await using (messages.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await messages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new VenueUnavailableException(Id);
                }

                yield return messages.Current;
            }
        }
    }

    private async Task KeepListenKeyAliveAsync(CancellationTokenSource alive)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.ListenKeyKeepAlive, _time, alive.Token).ConfigureAwait(false);
                await SendAsync(new BinanceCall(HttpMethod.Put, "/fapi/v1/listenKey", [], BinanceAuth.ApiKey, 1), alive.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (alive.IsCancellationRequested)
        {
            return;
        }
        catch (VenueException)
        {
            await alive.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<Trading.Funding.FundingPayment> FundingPaymentAsync(Symbol symbol, decimal position, decimal amount, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var time = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var settled = await SettledRatesAsync(symbol, time, time, cancellationToken).ConfigureAwait(false);
        return settled.TryGetValue(at, out var rate)
            ? BinanceUserEventParser.Payment(Id, instrument, position, amount, rate.Rate, rate.MarkPrice, at)
            : throw new FormatException($"Binance published no settled funding rate for {symbol} at {at:O}.");
    }
}
