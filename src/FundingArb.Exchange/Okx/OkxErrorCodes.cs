using System.Text.Json.Nodes;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Okx;

/// The code OKX answers for each typed refusal of the simulated venue. A place or cancel refused for the order itself
/// answers code "1" with the reason as data[0].sCode; the rest are top-level codes with the HTTP status of OKX's table.
internal static class OkxErrorCodes
{
    public static OkxRefusal For(VenueException error, Func<VenueException, JsonObject>? perOrder) => error.Error switch
    {
        VenueError.RateLimited => RateLimited,
        // OKX's table answers 50004 with HTTP 400: the request may or may not have executed, and the client must look.
        VenueError.Timeout => new(StatusCodes.Status400BadRequest, OkxCode.Timeout,
            "Endpoint request timeout (does not mean that the request was successful or failed, please check the request result)"),
        VenueError.VenueUnavailable => new(StatusCodes.Status503ServiceUnavailable, OkxCode.ServiceUnavailable,
            "Service temporarily unavailable. Try again later"),
        VenueError.AuthenticationFailed => new(StatusCodes.Status401Unauthorized, OkxCode.InvalidSign, "Invalid Sign"),
        VenueError.UnknownOrder when perOrder is null => new(StatusCodes.Status200OK, OkxCode.OrderNotExist, "Order does not exist"),
        _ when perOrder is null => new(StatusCodes.Status200OK, OrderCode(error), error.Message),
        _ => new(StatusCodes.Status200OK, OkxCode.AllFailed, "All operations failed", [perOrder(error)]),
    };

    public static OkxRefusal RateLimited { get; } = new(StatusCodes.Status429TooManyRequests, OkxCode.RateLimited,
        "Rate limit reached. Please refer to API documentation and throttle requests accordingly");

    /// The sCode of a refused order or cancel.
    public static string OrderCode(VenueException error) => error.Error switch
    {
        VenueError.InsufficientMargin => OkxCode.InsufficientMargin,
        VenueError.DuplicateClientOrderId => OkxCode.DuplicateClOrdId,
        VenueError.BelowMinNotional => OkxCode.BelowMinSize,
        VenueError.ReduceOnlyRejected => OkxCode.ReduceOnlyIncreases,
        VenueError.UnknownOrder => OkxCode.CancelFailedNoOrder,

        // OKX cancels a crossing post-only after accepting it (cancelSource 31); a venue configured to refuse at once is
        // served as a parameter error, as are the other refusals before matching.
        _ => OkxCode.ParameterError,
    };
}
