using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Okx;

// Every channel is fed by the market's book stream: books5 and books push the book (books always as action snapshot, a
// valid OKX stream since a reader resets on each snapshot), mark-price and funding-rate push the market's state at
// each book. When the venue drops its connection (a disconnect fault) the socket is aborted, as a real venue's would be.

/// The public stream `/ws/v5/public`: channels books5, books, mark-price and funding-rate, each with arg instId.
internal sealed class OkxPublicStream(ServedVenue served, OkxInstrumentIds ids)
{
    public const string Path = "/ws/v5/public";

    // The book depth each channel reads from the venue.
    private static readonly ImmutableDictionary<string, int> s_bookDepths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["books5"] = 5, ["books"] = 400, ["mark-price"] = 1, ["funding-rate"] = 1,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public async Task RunAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var session = new OkxSocketSession(await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false), context.Connection.Id);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var feeds = new List<Task>();
        try
        {
            while (await session.ReceiveAsync(stop.Token).ConfigureAwait(false) is { } message)
            {
                var op = message["op"]?.ToString();
                var args = message["args"] as JsonArray ?? [];
                if (op != "subscribe")
                {
                    await session.SendAsync(OkxStreamReplies.Error("60019", $"Invalid op: {op}", session.ConnectionId), stop.Token).ConfigureAwait(false);
                    continue;
                }

                foreach (var arg in args.OfType<JsonObject>())
                {
                    var channel = arg["channel"]?.ToString() ?? string.Empty;
                    var instId = arg["instId"]?.ToString();
                    if (!s_bookDepths.ContainsKey(channel) || !ids.TryFind(instId, out var instrument))
                    {
                        await session.SendAsync(OkxStreamReplies.Error("60018", $"Wrong URL or channel:{channel},instId:{instId} doesn't exist.",
                            session.ConnectionId), stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    await session.SendAsync(OkxStreamReplies.Subscribed(arg, session.ConnectionId), stop.Token).ConfigureAwait(false);
                    feeds.Add(FeedAsync(session, channel, instrument, stop.Token));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(feeds).ConfigureAwait(false);
        }
    }

    private async Task FeedAsync(OkxSocketSession session, string channel, Instrument instrument, CancellationToken cancellationToken)
    {
        var instId = OkxInstrumentIds.InstIdOf(instrument);
        var books = StreamRelay.OffVenueThread(served.Venue.StreamOrderBookAsync(instrument.Symbol, s_bookDepths[channel], cancellationToken),
            Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest }),
            lockstep: null, cancellationToken); // A full buffer drops books unread, so they cannot be counted; no simulated node reads them.
        try
        {
            await foreach (var book in books.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var push = new JsonObject { ["arg"] = new JsonObject { ["channel"] = channel, ["instId"] = instId } };
                switch (channel)
                {
                    case "mark-price":
                        var funding = served.Venue.Funding(instrument.Symbol);
                        push["data"] = new JsonArray(OkxMarketEndpoints.Mark(instId, new MarkPrice(served.Venue.Id, instrument.Symbol, funding.MarkPrice,
                            funding.IndexPrice, book.At)));
                        break;
                    case "funding-rate":
                        push["data"] = new JsonArray(OkxMarketEndpoints.FundingRate(instId, served.Venue.Funding(instrument.Symbol),
                            served.Venue.FundingSettlements.LastOrDefault(s => s.Symbol == instrument.Symbol)?.Rate.Rate ?? 0m));
                        break;
                    default:
                        if (channel == "books")
                        {
                            push["action"] = "snapshot";
                        }

                        var data = OkxMarketEndpoints.Book(instrument, book);
                        data["instId"] = instId;
                        push["data"] = new JsonArray(data);
                        break;
                }

                await session.SendAsync(push, cancellationToken).ConfigureAwait(false);
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
