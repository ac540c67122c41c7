using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;

namespace FundingArb.Exchange.Bybit;

/// The retCode Bybit answers for each typed refusal of the simulated venue.
internal static class BybitErrorCodes
{
    public static int For(VenueException error) => error.Error switch
    {
        VenueError.InsufficientMargin => BybitRetCode.InsufficientAvailableBalance,
        VenueError.BelowMinNotional => BybitRetCode.BelowMinNotional,
        VenueError.ReduceOnlyRejected => BybitRetCode.ReduceOnlyRuleNotSatisfied,
        VenueError.UnknownOrder => BybitRetCode.OrderNotExists,
        VenueError.DuplicateClientOrderId => BybitRetCode.OrderLinkIdDuplicate,
        VenueError.RateLimited => BybitRetCode.TooManyVisits,
        VenueError.Timeout => BybitRetCode.ServerTimeout,
        VenueError.VenueUnavailable => BybitRetCode.ServerError,

        // Bybit has no synchronous post-only refusal (it cancels on the stream); a venue configured to refuse at once
        // is served as a parameter error, as are the other refusals before matching.
        VenueError.PostOnlyWouldCross or VenueError.InvalidOrder => BybitRetCode.ParamsError,
        VenueError.AuthenticationFailed => BybitRetCode.InvalidSign,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Error, "Unknown venue error."),
    };
}
