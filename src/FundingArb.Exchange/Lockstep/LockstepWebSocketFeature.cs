using System.Net.WebSockets;
using FundingArb.Venues.Lockstep;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FundingArb.Exchange.Lockstep;

/// Accepts the WebSocket as the inner feature does and hands out the exchange's counted end of it.
internal sealed class LockstepWebSocketFeature(IHttpWebSocketFeature inner, WireLockstep lockstep, string connectionId) : IHttpWebSocketFeature
{
    public bool IsWebSocketRequest => inner.IsWebSocketRequest;

    public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context) =>
        lockstep.ServerSocket(await inner.AcceptAsync(context).ConfigureAwait(false), connectionId);
}
