namespace FundingArb.Venues.Bybit;

/// A Bybit answer with a non-zero retCode; RetryAfter is how long the venue said to wait (rate limits only).
internal sealed record BybitRefusal(int RetCode, string RetMsg, TimeSpan RetryAfter);
