using System.Security.Cryptography;

namespace FundingArb.Exchange.Binance;

// A listen key lives 60 minutes from its creation or last keep-alive (PUT), on the served venue's clock. Binance
// answers a POST while a key is alive with that same key and extends it; so does this. Guarded by one lock.

/// The user-data listen key of the one account served.
internal sealed class BinanceListenKeys(TimeProvider clock)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(60);

    private readonly Lock _gate = new();
    private string? _key;
    private DateTimeOffset _expiresAt;

    public string CreateOrExtend()
    {
        lock (_gate)
        {
            if (_key is null || clock.GetUtcNow() >= _expiresAt)
            {
                _key = RandomNumberGenerator.GetHexString(64, lowercase: false);
            }

            _expiresAt = clock.GetUtcNow() + Validity;
            return _key;
        }
    }

    /// False when no key is alive, so the caller answers -1125 as Binance does.
    public bool TryExtend(out string key)
    {
        lock (_gate)
        {
            key = _key ?? string.Empty;
            if (_key is null || clock.GetUtcNow() >= _expiresAt)
            {
                return false;
            }

            _expiresAt = clock.GetUtcNow() + Validity;
            return true;
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _key = null;
        }
    }

    /// When key lapses unless extended first; null once it has lapsed, was closed or was replaced.
    public DateTimeOffset? ExpiresAt(string key)
    {
        lock (_gate)
        {
            return IsAlive(key) ? _expiresAt : null;
        }
    }

    public bool IsAlive(string key)
    {
        lock (_gate)
        {
            return _key is not null && string.Equals(_key, key, StringComparison.Ordinal) && clock.GetUtcNow() < _expiresAt;
        }
    }
}
