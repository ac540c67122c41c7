using FundingArb.Trading.Instruments;
using FundingArb.Venues.Lockstep;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FundingArb.Exchange.Lockstep;

/// Counts a venue's requests for a lockstep simulation (WireLockstep): each request while the exchange handles it, and
/// each WebSocket a connector opened with the lockstep's header, message by message. Runs after UseWebSockets, whose
/// feature it wraps.
internal static class LockstepMiddleware
{
    public static Func<HttpContext, RequestDelegate, Task> For(WireLockstep lockstep, VenueId venue) => async (context, next) =>
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            var id = context.Request.Headers[WireLockstep.ConnectionHeader].ToString();
            if (id.Length > 0 && context.Features.Get<IHttpWebSocketFeature>() is { } feature)
            {
                context.Features.Set<IHttpWebSocketFeature>(new LockstepWebSocketFeature(feature, lockstep, id));
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        lockstep.ServerRequestStarted(venue);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            lockstep.ServerRequestEnded(venue);
        }
    };
}
