using System.Globalization;
using FundingArb.Kernel.Configuration;

namespace FundingArb.Venues.Scenarios;

// Every read goes through here so that every error names the full path and the line it came from: unknown keys
// are refused when the section is opened, and a getter's ConfigurationException or a domain type's
// ArgumentException becomes a ScenarioException at the offending key.

/// One object of a scenario file, read with the keys it may hold.
internal sealed class ScenarioSection
{
    private readonly Config _config;

    public ScenarioSection(Config config, string path, HoconOrigin? origin, IReadOnlyCollection<string> allowedKeys)
    {
        _config = config;
        Path = path;
        Origin = origin;
        foreach (var key in config.GetKeys())
        {
            if (!allowedKeys.Contains(key))
            {
                throw new ScenarioException(Join(key), config.GetOrigin(Quote(key)),
                    $"unknown key '{key}'; expected one of {string.Join(", ", allowedKeys)}");
            }
        }
    }

    public string Path { get; }

    public HoconOrigin? Origin { get; }

    public bool Has(string key) => _config.HasPath(key);

    public string String(string key) => Read(key, () => _config.GetString(key));

    public string String(string key, string fallback) => Read(key, () => _config.GetString(key, fallback));

    public bool Boolean(string key, bool fallback) => Read(key, () => _config.GetBoolean(key, fallback));

    public long Long(string key) => Read(key, () => _config.GetLong(key));

    public int Int(string key, int fallback, int minimum) => Check(key, Read(key, () => _config.GetInt(key, fallback)), v => v >= minimum,
        $"at least {minimum}");

    public decimal Decimal(string key) => Read(key, () => _config.GetDecimal(key));

    public decimal Decimal(string key, decimal fallback) => Read(key, () => _config.GetDecimal(key, fallback));

    public decimal NonNegative(string key) => Check(key, Decimal(key), v => v >= 0m, "zero or more");

    public decimal NonNegative(string key, decimal fallback) => Check(key, Decimal(key, fallback), v => v >= 0m, "zero or more");

    public decimal Positive(string key) => Check(key, Decimal(key), v => v > 0m, "more than zero");

    public decimal Positive(string key, decimal fallback) => Check(key, Decimal(key, fallback), v => v > 0m, "more than zero");

    public TimeSpan Duration(string key) => Check(key, Read(key, () => _config.GetTimeSpan(key)), v => v != Timeout.InfiniteTimeSpan,
        "a finite duration");

    public TimeSpan Duration(string key, TimeSpan fallback) => Read(key, () => _config.GetTimeSpan(key, fallback, allowInfinite: false));

    public TimeSpan NonNegativeDuration(string key, TimeSpan fallback) => Check(key, Duration(key, fallback), v => v >= TimeSpan.Zero, "a duration of zero or more");

    public TimeSpan PositiveDuration(string key) => Check(key, Duration(key), v => v > TimeSpan.Zero, "a duration above zero");

    public TimeSpan PositiveDuration(string key, TimeSpan fallback) => Check(key, Duration(key, fallback), v => v > TimeSpan.Zero, "a duration above zero");

    /// An instant: an ISO-8601 time with its offset ("2026-03-02T08:00:00Z"), or a duration after the scenario's start.
    public DateTimeOffset Instant(string key, DateTimeOffset? start)
    {
        var text = String(key);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var absolute)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return absolute.ToUniversalTime();
        }

        return start is { } origin
            ? origin + Duration(key)
            : throw Error(key, $"'{text}' is not an ISO-8601 time with an offset, such as \"2026-03-02T00:00:00Z\"");
    }

    /// One of the enum's names, written as in C# or in kebab-case (InsufficientMargin, insufficient-margin).
    public TEnum Enum<TEnum>(string key, TEnum fallback, IReadOnlyDictionary<string, TEnum>? aliases = null)
        where TEnum : struct, Enum
    {
        if (!Has(key))
        {
            return fallback;
        }

        var text = String(key);
        if (aliases is not null && aliases.TryGetValue(text, out var alias))
        {
            return alias;
        }

        var names = System.Enum.GetNames<TEnum>();
        var match = names.FirstOrDefault(n => string.Equals(n, text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        var allowed = aliases is not null ? aliases.Keys : names;
        return match is not null ? System.Enum.Parse<TEnum>(match) : throw Error(key, $"'{text}' is not one of {string.Join(", ", allowed)}");
    }

    public ScenarioSection Object(string key, IReadOnlyCollection<string> allowedKeys)
    {
        var config = Read(key, () => _config.GetConfig(key));
        return new ScenarioSection(config, Join(key), config.IsEmpty ? _config.GetOrigin(key) : config.Root.Origin, allowedKeys);
    }

    public IReadOnlyList<ScenarioSection> List(string key, IReadOnlyCollection<string> allowedKeys, bool required = true)
    {
        if (!Has(key))
        {
            return required ? throw Error(key, "is required") : [];
        }

        var items = Read(key, () => _config.GetConfigList(key));
        return [.. items.Select((item, i) => new ScenarioSection(item, $"{Join(key)}[{i}]", item.Root.Origin, allowedKeys))];
    }

    /// The same object, checked against a narrower set of keys (a fault's keys depend on its kind).
    public ScenarioSection Restrict(IReadOnlyCollection<string> allowedKeys) => new(_config, Path, Origin, allowedKeys);

    public Config Raw(string key) => Read(key, () => _config.GetConfig(key));

    public IReadOnlyList<string> Keys => _config.GetKeys();

    public ScenarioException Error(string key, string message, Exception? inner = null) =>
        new(Join(key), _config.GetOrigin(Quote(key)) ?? Origin, message, inner);

    public ScenarioException Error(string message, Exception? inner = null) => new(Path, Origin, message, inner);

    /// Builds a domain value; its argument checks become errors at this section.
    public T Build<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw Error(ex.Message, ex);
        }
    }

    private static string Quote(string key) => key.Contains('.', StringComparison.Ordinal) ? $"\"{key}\"" : key;

    private string Join(string key) => $"{Path}.{Quote(key)}";

    private T Read<T>(string key, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException ex)
        {
            var missing = !_config.HasPath(key);
            throw Error(key, missing ? "is required" : ex.Message, ex);
        }
    }

    private T Check<T>(string key, T value, Func<T, bool> valid, string expected) =>
        valid(value) ? value : throw Error(key, string.Create(CultureInfo.InvariantCulture, $"must be {expected}, got {value}"));
}
