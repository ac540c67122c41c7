using System.Security.Cryptography;
using System.Text;

namespace FundingArb.Venues.Binance;

/// Binance's request signature: HMAC-SHA256 of the exact parameter text sent, in lower-case hex.
internal static class BinanceSigner
{
    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
}
