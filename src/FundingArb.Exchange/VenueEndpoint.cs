namespace FundingArb.Exchange;

/// Where a served venue listens: what `fundingarb exchange` prints for it (`venue NAME PROTOCOL REST-URL WS-URL`).
public sealed record VenueEndpoint(string Name, string Protocol, Uri RestUrl, Uri WebSocketUrl)
{
    public string ToStartLine() => $"venue {Name} {Protocol} {RestUrl.AbsoluteUri.TrimEnd('/')} {WebSocketUrl.AbsoluteUri}";
}
