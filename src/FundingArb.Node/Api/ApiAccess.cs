using System.Net;
using System.Security.Cryptography;
using System.Text;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Api;

// Writes need the bearer token. Reads are open to loopback callers (and in-process test servers, which have no
// remote address) unless `fundingarb.node.http.reads = any`; anyone else reads with the token too. Comparisons
// are constant-time so the token cannot be guessed byte by byte from response times.

/// Endpoint filters for the API's two access levels.
public static class ApiAccess
{
    public static RouteHandlerBuilder RequireToken(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(async (context, next) =>
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<ApiToken>();
        return HasToken(context.HttpContext, access.Value)
            ? await next(context).ConfigureAwait(false)
            : Problems.Unauthorized("a write needs 'Authorization: Bearer <token>' with the node's API token");
    });

    public static RouteGroupBuilder RequireReadAccess(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<NodeSettings>();
        var access = http.RequestServices.GetRequiredService<ApiToken>();
        return settings.OpenReads || IsLoopback(http.Connection.RemoteIpAddress) || HasToken(http, access.Value)
            ? await next(context).ConfigureAwait(false)
            : Problems.Forbidden("reads from other hosts need the API token (or fundingarb.node.http.reads = any)");
    });

    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static bool HasToken(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token));
    }
}
