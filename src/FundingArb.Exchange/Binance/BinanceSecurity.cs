namespace FundingArb.Exchange.Binance;

/// What an endpoint demands of a request: nothing (market data), the API key header (listen keys), or a signature too.
internal enum BinanceSecurity
{
    None,
    ApiKey,
    Signed,
}
