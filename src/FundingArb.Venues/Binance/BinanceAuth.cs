namespace FundingArb.Venues.Binance;

/// What a request must carry: nothing (market data), the API key header (listen keys), or a timestamp and signature too.
internal enum BinanceAuth
{
    None,
    ApiKey,
    Signed,
}
