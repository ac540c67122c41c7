using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FundingArb.Venues.Okx;

/// OKX v5's HMAC-SHA256 signatures, base64. A signature is as secret as the key it proves: never log one.
public static class OkxSigner
{
    /// The private WebSocket's login signs this fixed request.
    public const string LoginPath = "/users/self/verify";

    /// A REST request: timestamp (ISO 8601, ms, UTC) + METHOD + request path with `?query` + the raw body (empty for a GET).
    public static string SignRequest(string secret, string timestamp, string method, string requestPath, string body) =>
        Base64(secret, string.Concat(timestamp, method, requestPath, body));

    /// The WebSocket login: unix seconds + "GET" + "/users/self/verify".
    public static string SignLogin(string secret, long timestampSeconds) =>
        Base64(secret, string.Create(CultureInfo.InvariantCulture, $"{timestampSeconds}GET{LoginPath}"));

    /// OK-ACCESS-TIMESTAMP's format: `2020-12-08T09:08:57.715Z`.
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// Reads OK-ACCESS-TIMESTAMP; null when it is not an ISO 8601 UTC instant.
    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// Compares in constant time, so a wrong guess does not tell how many leading characters were right.
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));

    private static string Base64(string secret, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
    }
}
