using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace FundingArb.Venues.Hocon;

// Akka's getters return a default for a missing key and throw bare FormatExceptions (or return null) for a value of
// the wrong type; configuration here must not silently default, so every read goes through these, which throw a
// ConfigKeyException naming the full path. Conversions are the HOCON spec's: numbers parse
// exactly as decimals, booleans are true/false, yes/no or on/off, null counts as missing; durations are Akka's.

/// Typed, strict reads of one object of an Akka Config, at Path in its document.
public sealed class HoconReader
{
    private const string DurationExamples = "e.g. 10s, 100ms, 5 minutes";

    public HoconReader(Config? config, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Config = config ?? ConfigurationFactory.Empty;
        Path = path;
    }

    public Config Config { get; }

    /// The object's full path ("" for the root).
    public string Path { get; }

    /// The keys as written (a key holding a dot is one key), null values included.
    public IReadOnlyList<string> Keys => Config.IsEmpty ? [] : Config.Root.GetObject() is { } root ? [.. root.Items.Keys] : [];

    public string PathOf(string key) => HoconPath.Join(Path, key);

    public HoconKind KindOf(string key)
    {
        var value = Value(key);
        return value switch
        {
            null => HoconKind.Missing,
            _ when value.IsObject() => HoconKind.Section,
            _ when IsList(value) => HoconKind.List,
            _ when value.IsString() && value.GetString() is null => HoconKind.Null,
            _ => HoconKind.Scalar,
        };
    }

    /// Present and not null.
    public bool Has(string key) => KindOf(key) is not (HoconKind.Missing or HoconKind.Null);

    public string GetString(string key) => Text(key, "a value") ?? throw Missing(key);

    public string GetString(string key, string fallback) => Text(key, "a value") ?? fallback;

    public decimal GetDecimal(string key) => Convert(key, Text(key, "a number") ?? throw Missing(key), ParseDecimal, "a number");

    public decimal GetDecimal(string key, decimal fallback) => Text(key, "a number") is { } text ? Convert(key, text, ParseDecimal, "a number") : fallback;

    public long GetLong(string key) => Convert(key, Text(key, "a whole number") ?? throw Missing(key), ParseLong, "a whole number");

    public int GetInt(string key) => Convert(key, Text(key, "a whole number") ?? throw Missing(key), ParseInt, "a 32-bit whole number");

    public int GetInt(string key, int fallback) => Text(key, "a whole number") is { } text ? Convert(key, text, ParseInt, "a 32-bit whole number") : fallback;

    public double GetDouble(string key) => Convert(key, Text(key, "a number") ?? throw Missing(key), ParseDouble, "a number");

    public bool GetBoolean(string key) => Convert(key, Text(key, "a boolean") ?? throw Missing(key), ParseBoolean, "a boolean (on/off, true/false, yes/no)");

    public bool GetBoolean(string key, bool fallback) =>
        Text(key, "a boolean") is { } text ? Convert(key, text, ParseBoolean, "a boolean (on/off, true/false, yes/no)") : fallback;

    /// infinite is Timeout.InfiniteTimeSpan when allowed.
    public TimeSpan GetTimeSpan(string key, bool allowInfinite = false) => Text(key, "a duration") is not null ? ReadDuration(key, allowInfinite) : throw Missing(key);

    public TimeSpan GetTimeSpan(string key, TimeSpan fallback, bool allowInfinite = false) => Text(key, "a duration") is not null ? ReadDuration(key, allowInfinite) : fallback;

    /// A list of values (each as text); a missing key is an empty list.
    public IReadOnlyList<string> GetStringList(string key)
    {
        var value = Value(key);
        if (value is null || KindOf(key) == HoconKind.Null)
        {
            return [];
        }

        if (!IsList(value))
        {
            throw Error(key, $"expected a list of values, found {Describe(KindOf(key))}");
        }

        var items = value.GetArray();
        return [.. items.Select((item, i) => item.IsString() && item.GetString() is { } text
            ? text
            : throw new ConfigKeyException(HoconPath.Element(PathOf(key), i), "expected a value, found a list or an object"))];
    }

    /// The object at key; an empty one when the key is missing.
    public HoconReader GetObject(string key) => KindOf(key) switch
    {
        HoconKind.Missing or HoconKind.Null => new HoconReader(null, PathOf(key)),
        HoconKind.Section => new HoconReader(Config.GetConfig(HoconPath.Quote(key)), PathOf(key)),
        var kind => throw Error(key, $"expected an object (keys in braces), found {Describe(kind)}"),
    };

    /// The objects of the list at key (required).
    public IReadOnlyList<HoconReader> GetObjectList(string key)
    {
        var kind = KindOf(key);
        if (kind is HoconKind.Missing or HoconKind.Null)
        {
            throw Missing(key);
        }

        if (kind != HoconKind.List)
        {
            throw Error(key, $"expected a list of objects, found {Describe(kind)}");
        }

        return [.. Value(key)!.GetArray().Select((item, i) => item.IsObject()
            ? new HoconReader(new Config(new HoconRoot(item)), HoconPath.Element(PathOf(key), i))
            : throw new ConfigKeyException(HoconPath.Element(PathOf(key), i), "expected an object (keys in braces)"))];
    }

    /// Throws for the first key not in allowed.
    public void RejectUnknown(IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            throw Error(unknown, $"unknown key; expected one of {string.Join(", ", allowed)}");
        }
    }

    public ConfigKeyException Error(string key, string problem) => new(PathOf(key), problem);

    private ConfigKeyException Missing(string key) => Error(key, "is required");

    private HoconValue? Value(string key) => Config.IsEmpty ? null : Config.GetValue(HoconPath.Quote(key));

    // The scalar's text; null when missing or null; an error when it is an object or a list.
    private string? Text(string key, string expected)
    {
        var kind = KindOf(key);
        return kind switch
        {
            HoconKind.Missing or HoconKind.Null => null,
            HoconKind.Scalar => Value(key)!.GetString() ?? throw Error(key, $"expected {expected}, found a value Akka's parser cannot read as one"),
            _ => throw Error(key, $"expected {expected}, found {Describe(kind)}"),
        };
    }

    private TimeSpan ReadDuration(string key, bool allowInfinite)
    {
        var value = Value(key)!;
        try
        {
            return value.GetTimeSpan(allowInfinite);
        }
        catch (Exception failure) when (failure is FormatException or OverflowException or ArgumentException)
        {
            var expected = allowInfinite ? $"a duration ({DurationExamples}, infinite)" : $"a finite duration ({DurationExamples})";
            throw Error(key, $"'{value.GetString()}' is not {expected}");
        }
    }

    private T Convert<T>(string key, string text, Func<string, T?> parse, string expected)
        where T : struct => parse(text) ?? throw Error(key, $"'{text}' is not {expected}");

    private static decimal? ParseDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static long? ParseLong(string text) =>
        ParseDecimal(text) is { } number && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue ? (long)number : null;

    private static int? ParseInt(string text) => ParseLong(text) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    private static double? ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool? ParseBoolean(string text) => text switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    // An empty list is a HoconArray that Akka's IsArray() does not count (it tests for elements).
    private static bool IsList(HoconValue value) => value.Values.Count > 0 && value.Values.All(v => v.IsArray());

    private static string Describe(HoconKind kind) => kind switch
    {
        HoconKind.Section => "an object",
        HoconKind.List => "a list",
        HoconKind.Null => "null",
        _ => "a value",
    };
}
