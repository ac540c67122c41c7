using System.Net.WebSockets;

namespace FundingArb.Venues.Wire;

/// How a connector reaches its venue: the HTTP handler its REST client sends through and how it opens a WebSocket.
/// DirectVenueWire is .NET's own; a lockstep simulation (FundingArb.Venues.Lockstep) counts what is in flight.
public interface IVenueWire
{
    HttpMessageHandler CreateHttpHandler();

    /// An open socket to uri; the caller disposes it.
    Task<WebSocket> ConnectWebSocketAsync(Uri uri, CancellationToken cancellationToken);

    /// Starts work a stream runs beside its reader on their own period (pings, listen-key keep-alives): a lockstep
    /// must not take their waits on the clock for the reader's.
    Task StartBeside(Func<Task> work);
}
