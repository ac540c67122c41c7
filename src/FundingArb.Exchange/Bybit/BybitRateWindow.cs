namespace FundingArb.Exchange.Bybit;

/// One rate-limit window as the X-Bapi-Limit headers describe it. Allowed is false when this request was over the limit.
internal sealed record BybitRateWindow(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetsAt);
