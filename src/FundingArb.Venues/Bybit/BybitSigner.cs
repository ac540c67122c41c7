using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FundingArb.Venues.Bybit;

/// Bybit v5's HMAC-SHA256 signatures, as lowercase hex. A signature is as secret as the key it proves: never log one.
public static class BybitSigner
{
    /// A REST request: timestamp (ms) + api key + recv window (ms) + the query string without `?` (GET) or the raw JSON body (POST).
    public static string SignRequest(string secret, long timestampMs, string apiKey, long recvWindowMs, string payload) =>
        Hex(secret, string.Create(CultureInfo.InvariantCulture, $"{timestampMs}{apiKey}{recvWindowMs}{payload}"));

    /// The private WebSocket's auth: `GET/realtime` + expires (ms).
    public static string SignStreamAuth(string secret, long expiresMs) =>
        Hex(secret, string.Create(CultureInfo.InvariantCulture, $"GET/realtime{expiresMs}"));

    /// Compares in constant time, so a wrong guess does not tell how many leading characters were right.
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));

    private static string Hex(string secret, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
    }
}
