using FundingArb.Trading.Instruments;
using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Binance;

/// One Binance stream connection: connect, then read whole JSON messages until the venue closes or drops it, which
/// ends the reading with VenueUnavailableException (the IVenue contract for a lost stream).
internal static class BinanceSocket
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<WebSocket> ConnectAsync(VenueId venue, IVenueWire wire, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await wire.ConnectWebSocketAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or HttpRequestException)
        {
            throw new VenueUnavailableException(venue);
        }
    }

    public static async IAsyncEnumerable<JsonElement> MessagesAsync(VenueId venue, WebSocket socket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            message.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                try
                {
                    received = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                }
                catch (WebSocketException)
                {
                    throw new VenueUnavailableException(venue);
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new VenueUnavailableException(venue);
                }

                message.Write(chunk.AsSpan(0, received.Count));
            }
            while (!received.EndOfMessage);

            using var document = JsonDocument.Parse(message.WrittenMemory);
            yield return document.RootElement.Clone();
        }
    }
}
