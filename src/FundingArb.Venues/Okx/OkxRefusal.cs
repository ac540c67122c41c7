namespace FundingArb.Venues.Okx;

/// A refused request: the code that says why (a per-order sCode when the top-level code was "1"), OKX's message, and
/// how long to hold back for a 50011.
internal sealed record OkxRefusal(string Code, string Message, TimeSpan RetryAfter);
