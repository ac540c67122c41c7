namespace FundingArb.Venues.Errors;

/// The errors a venue reports, one exception type each (VenueException subclasses). The names are the contract
/// scenario files use (`error = InsufficientMargin`).
public enum VenueError
{
    InsufficientMargin,
    PostOnlyWouldCross,
    BelowMinNotional,
    RateLimited,
    DuplicateClientOrderId,
    UnknownOrder,
    VenueUnavailable,
    Timeout,

    /// A reduce-only order that would open or increase a position.
    ReduceOnlyRejected,

    /// Anything else the venue refuses before matching: an unknown market, a price off the tick, a size below the minimum.
    InvalidOrder,

    /// The venue refused the request's credentials: an unknown key, a bad signature, a timestamp outside its window.
    AuthenticationFailed,
}
