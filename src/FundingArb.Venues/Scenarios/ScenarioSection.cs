using System.Globalization;
using Akka.Configuration;
using FundingArb.Venues.Hocon;

namespace FundingArb.Venues.Scenarios;

// Every read goes through here so that every error names the full path and the line it came from: unknown keys
// are refused when the section is opened, and a HoconReader's ConfigKeyException or a domain type's
// ArgumentException becomes a ScenarioException at the offending key, positioned by the document's HoconPositions.

/// One object of a scenario file, read with the keys it may hold.
internal sealed class ScenarioSection
{
    private readonly HoconReader _reader;

    public ScenarioSection(HoconReader reader, HoconPositions positions, IReadOnlyCollection<string> allowedKeys)
    {
        _reader = reader;
        Positions = positions;
        foreach (var key in reader.Keys)
        {
            if (!allowedKeys.Contains(key))
            {
                throw Error(key, $"unknown key '{key}'; expected one of {string.Join(", ", allowedKeys)}");
            }
        }
    }

    public string Path => _reader.Path;

    public HoconPositions Positions { get; }

    public HoconPosition? Origin => Positions.Find(Path);

    public bool Has(string key) => _reader.Has(key);

    public string String(string key) => Read(() => _reader.GetString(key));

    public string String(string key, string fallback) => Read(() => _reader.GetString(key, fallback));

    public bool Boolean(string key, bool fallback) => Read(() => _reader.GetBoolean(key, fallback));

    public long Long(string key) => Read(() => _reader.GetLong(key));

    public int Int(string key, int fallback, int minimum) => Check(key, Read(() => _reader.GetInt(key, fallback)), v => v >= minimum, $"at least {minimum}");

    public decimal Decimal(string key) => Read(() => _reader.GetDecimal(key));

    public decimal Decimal(string key, decimal fallback) => Read(() => _reader.GetDecimal(key, fallback));

    public decimal NonNegative(string key) => Check(key, Decimal(key), v => v >= 0m, "zero or more");

    public decimal NonNegative(string key, decimal fallback) => Check(key, Decimal(key, fallback), v => v >= 0m, "zero or more");

    public decimal Positive(string key) => Check(key, Decimal(key), v => v > 0m, "more than zero");

    public decimal Positive(string key, decimal fallback) => Check(key, Decimal(key, fallback), v => v > 0m, "more than zero");

    public TimeSpan Duration(string key) => Read(() => _reader.GetTimeSpan(key));

    public TimeSpan Duration(string key, TimeSpan fallback) => Read(() => _reader.GetTimeSpan(key, fallback));

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

    public ScenarioSection Object(string key, IReadOnlyCollection<string> allowedKeys) => new(Read(() => _reader.GetObject(key)), Positions, allowedKeys);

    /// An object whose keys are names (balances by asset): any key is allowed.
    public ScenarioSection Map(string key)
    {
        var reader = Read(() => _reader.GetObject(key));
        return new ScenarioSection(reader, Positions, reader.Keys);
    }

    public IReadOnlyList<ScenarioSection> List(string key, IReadOnlyCollection<string> allowedKeys, bool required = true)
    {
        if (!Has(key))
        {
            return required ? throw Error(key, "is required") : [];
        }

        return [.. Read(() => _reader.GetObjectList(key)).Select(item => new ScenarioSection(item, Positions, allowedKeys))];
    }

    /// The same object, checked against a narrower set of keys (a fault's keys depend on its kind).
    public ScenarioSection Restrict(IReadOnlyCollection<string> allowedKeys) => new(_reader, Positions, allowedKeys);

    public Config Raw(string key) => Read(() => _reader.GetObject(key)).Config;

    public IReadOnlyList<string> Keys => _reader.Keys;

    public ScenarioException Error(string key, string message, Exception? inner = null) =>
        new(_reader.PathOf(key), Positions.Find(_reader.PathOf(key)), message, inner);

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

    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigKeyException ex)
        {
            throw new ScenarioException(ex.Path, Positions.Find(ex.Path), ex.Problem, ex);
        }
    }

    private T Check<T>(string key, T value, Func<T, bool> valid, string expected) =>
        valid(value) ? value : throw Error(key, string.Create(CultureInfo.InvariantCulture, $"must be {expected}, got {value}"));
}
