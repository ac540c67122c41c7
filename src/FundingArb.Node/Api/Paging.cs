using System.Collections.Immutable;
using System.Globalization;

namespace FundingArb.Node.Api;

/// A page of a list: `page` from 1, `page_size` up to 500; Total counts every match.
public sealed record ResultPage<T>(ImmutableArray<T> Items, int Page, int PageSize, int Total);

/// Reads the query values the list endpoints share; a bad one is a 400 naming the parameter.
public static class QueryValues
{
    public const int MaxPageSize = 500;

    public static bool TryPage(HttpRequest request, out int page, out int pageSize, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        pageSize = 0;
        return TryInt(request, "page", 1, 1, int.MaxValue, out page, out problem)
            && TryInt(request, "page_size", 50, 1, MaxPageSize, out pageSize, out problem);
    }

    public static bool TryInstant(HttpRequest request, string name, out DateTimeOffset? value, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = null;
        problem = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        problem = Problems.BadRequest(name, $"'{text}' is not an ISO-8601 time such as 2026-03-02T00:00:00Z");
        return false;
    }

    public static ResultPage<T> Paginate<T>(IReadOnlyCollection<T> matches, int page, int pageSize) =>
        new([.. matches.Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize)], page, pageSize, matches.Count);

    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[name].ToString();
        return text.Length == 0 ? null : text;
    }

    private static bool TryInt(HttpRequest request, string name, int fallback, int minimum, int maximum, out int value, out IResult? problem)
    {
        problem = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= maximum)
        {
            return true;
        }

        problem = Problems.BadRequest(name, $"'{text}' is not a whole number from {minimum} to {maximum}");
        return false;
    }
}
