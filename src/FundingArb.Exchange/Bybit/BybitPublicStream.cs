using System.Collections.Immutable;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Bybit;

// Books go out as snapshots only: Bybit's reader resets its book on every snapshot, so a snapshot stream is valid
// Bybit (level 1 is always sent that way). A ticker goes out with every book of its market, as a snapshot too.
// When the venue drops its connection (a disconnect fault) the socket is aborted, as a real venue's would be.

/// The public stream `/v5/public/linear`: topics orderbook.{1|50|200|500}.{symbol} and tickers.{symbol}, and ping.
internal sealed class BybitPublicStream(ServedVenue served)
{
    public const string Path = "/v5/public/linear";

    private static readonly ImmutableArray<int> s_bookDepths = [1, 50, 200, 500];

    public async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var session = new BybitSocketSession(await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var feeds = new List<Task>();
        var connection = context.Connection.Id;
        try
        {
            while (await session.ReceiveAsync(stop.Token).ConfigureAwait(false) is { } message)
            {
                var op = message["op"]?.GetValue<string>();
                if (op == "ping")
                {
                    await session.SendAsync(new JsonObject
                    {
                        ["success"] = true, ["ret_msg"] = "pong", ["conn_id"] = connection, ["req_id"] = message["req_id"]?.DeepClone() ?? string.Empty,
                        ["op"] = "ping",
                    }, stop.Token).ConfigureAwait(false);
                }
                else if (op == "subscribe")
                {
                    var topics = message["args"]?.AsArray().Select(a => a?.GetValue<string>() ?? string.Empty).ToArray() ?? [];
                    var refusal = topics.Select(Refusal).FirstOrDefault(r => r is not null);
                    await session.SendAsync(new JsonObject
                    {
                        ["success"] = refusal is null, ["ret_msg"] = refusal ?? string.Empty, ["conn_id"] = connection, ["op"] = "subscribe",
                        ["req_id"] = message["req_id"]?.DeepClone() ?? string.Empty,
                    }, stop.Token).ConfigureAwait(false);
                    if (refusal is null)
                    {
                        feeds.AddRange(topics.Select(t => FeedAsync(session, t, stop.Token)));
                    }
                }
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
            await Task.WhenAll(feeds).ConfigureAwait(false);
        }
    }

    private string? Refusal(string topic) => Parse(topic) is null ? $"Invalid topic: {topic}" : null;

    private (Symbol Symbol, int Depth, bool Ticker)? Parse(string topic)
    {
        var parts = topic.Split('.');
        if (parts is ["tickers", var tickerSymbol] && IsListed(tickerSymbol))
        {
            return (new Symbol(tickerSymbol), 1, true);
        }

        return parts is ["orderbook", var depthText, var bookSymbol]
               && int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) && s_bookDepths.Contains(depth)
               && IsListed(bookSymbol)
            ? (new Symbol(bookSymbol), depth, false)
            : null;
    }

    // The stream's book data carries no time of its own: the message's ts is it.
    private static JsonObject StreamBookData(OrderBookSnapshot book)
    {
        var data = BybitMarketEndpoints.BookData(book);
        data.Remove("ts");
        return data;
    }

    private bool IsListed(string symbol) => served.Venue.Instruments.Any(i => string.Equals(i.Symbol.Value, symbol, StringComparison.Ordinal));

    private async Task FeedAsync(BybitSocketSession session, string topic, CancellationToken cancellationToken)
    {
        var (symbol, depth, ticker) = Parse(topic)!.Value;
        var books = StreamRelay.OffVenueThread(served.Venue.StreamOrderBookAsync(symbol, depth, cancellationToken),
            Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest }),
            lockstep: null, cancellationToken); // A full buffer drops books unread, so they cannot be counted; no simulated node reads them.
        try
        {
            await foreach (var book in books.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Ticker messages carry a cross sequence (cs), book messages their matching engine's time (cts).
                var message = ticker
                    ? new JsonObject
                    {
                        ["topic"] = topic, ["type"] = "snapshot", ["data"] = BybitMarketEndpoints.Ticker(served.Venue.Funding(symbol), book),
                        ["cs"] = book.Sequence, ["ts"] = BybitWire.Millis(book.At),
                    }
                    : new JsonObject
                    {
                        ["topic"] = topic, ["type"] = "snapshot", ["ts"] = BybitWire.Millis(book.At), ["data"] = StreamBookData(book),
                        ["cts"] = BybitWire.Millis(book.At),
                    };
                await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
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
}
