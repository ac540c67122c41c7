
namespace FundingArb.Node.Api;

/// RFC 9457 problem details, with the offending field named in `field` when there is one.
public static class Problems
{
    public static IResult BadRequest(string field, string detail) =>
        Results.Problem(detail: $"{field}: {detail}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult NotFound(string what, string id) =>
        Results.Problem(detail: $"no {what} '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["id"] = id });

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Unavailable(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
}
