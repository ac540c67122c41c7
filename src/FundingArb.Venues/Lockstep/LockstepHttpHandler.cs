namespace FundingArb.Venues.Lockstep;

/// Counts a connector's HTTP requests from send to answer, against its venue and against the flow that sent them.
internal sealed class LockstepHttpHandler(WireLockstep lockstep, LockstepVenueLine line) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var flow = WireLockstep.CurrentFlow is { } current && current.Owner == lockstep ? current : null;
        lockstep.Change(() =>
        {
            line.ClientHttp++;
            if (flow is not null)
            {
                flow.HttpInFlight++;
            }
        });
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lockstep.Change(() =>
            {
                line.ClientHttp--;
                if (flow is not null)
                {
                    flow.HttpInFlight--;
                }
            });
        }
    }
}
