namespace FundingArb.Exchange.Hosting;

/// One entry of `fundingarb.exchange.serve`: a simulated venue, the protocol it is served in, and its port (0: a free one).
public sealed record ServeSettings(string Venue, IVenueProtocol Protocol, int Port);
