using System.Collections.ObjectModel;
using System.Globalization;

namespace FundingArb.Kernel.Configuration;

/// <summary>
/// A resolved, immutable HOCON value: an object, an array or a scalar, with the place it was defined.
/// Numbers keep the text they were written with, so decimals are never rounded through <see cref="double"/>.
/// </summary>
public sealed class HoconValue
{
    private readonly string? _text;
    // Wrapped, so that callers cannot cast what GetArray returns back to an array and change it.
    private readonly ReadOnlyCollection<HoconValue>? _items;
    private readonly HoconFields? _fields;

    private HoconValue(HoconValueKind kind, HoconOrigin origin, string? text, HoconValue[]? items, HoconFields? fields, bool ignoresFallbacks = false)
    {
        Kind = kind;
        Origin = origin;
        _text = text;
        _items = items is null ? null : System.Array.AsReadOnly(items);
        _fields = fields;
        IgnoresFallbacks = ignoresFallbacks;
    }

    /// <summary>The JSON type of the value.</summary>
    public HoconValueKind Kind { get; }

    /// <summary>Where the value was defined; for a substitution, where its target was defined.</summary>
    public HoconOrigin Origin { get; }

    /// True for an object that was merged over a non-object: the non-object hid everything below it, so
    /// later fallbacks must not merge in either (the spec's "non-adjacent objects do not merge" rule).
    internal bool IgnoresFallbacks { get; }

    internal HoconFields Fields => _fields ?? throw new InvalidOperationException($"{Origin}: the value is {Describe()}, not an object.");

    /// <summary>
    /// The text of a scalar: a string as is, a number as written, <c>true</c> or <c>false</c>; null for <c>null</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is an object or an array.</exception>
    public string? GetString()
    {
        if (Kind is HoconValueKind.Object or HoconValueKind.Array)
        {
            throw new InvalidOperationException($"{Origin}: the value is {Describe()}, not a string.");
        }

        return _text;
    }

    /// <summary>
    /// The elements of an array. An object whose keys are integers converts to an array ordered by key,
    /// as the HOCON spec recommends for properties-style lists (<c>a.0 = x</c>, <c>a.1 = y</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is neither an array nor an integer-keyed object.</exception>
    public IReadOnlyList<HoconValue> GetArray() =>
        TryGetArray(out var items) ? items : throw new InvalidOperationException($"{Origin}: the value is {Describe()}, not an array.");

    /// <summary>The fields of an object, enumerated in document order.</summary>
    /// <exception cref="InvalidOperationException">The value is not an object.</exception>
    public IReadOnlyDictionary<string, HoconValue> GetObject() => Fields;

    /// <summary>Renders the value as JSON, which is also valid HOCON.</summary>
    public override string ToString() => HoconWriter.Write(this);

    internal static HoconValue String(string text, HoconOrigin origin) => new(HoconValueKind.String, origin, text, null, null);

    internal static HoconValue Number(string text, HoconOrigin origin) => new(HoconValueKind.Number, origin, text, null, null);

    internal static HoconValue Boolean(bool value, HoconOrigin origin) => new(HoconValueKind.Boolean, origin, value ? "true" : "false", null, null);

    internal static HoconValue Null(HoconOrigin origin) => new(HoconValueKind.Null, origin, null, null, null);

    internal static HoconValue Array(HoconValue[] items, HoconOrigin origin) => new(HoconValueKind.Array, origin, null, items, null);

    internal static HoconValue Object(HoconFields fields, HoconOrigin origin, bool ignoresFallbacks = false) =>
        new(HoconValueKind.Object, origin, null, null, fields, ignoresFallbacks);

    /// Deep merge for Config.WithFallback: objects merge key by key, anything else in <paramref name="top"/> wins.
    internal static HoconValue Merge(HoconValue top, HoconValue fallback)
    {
        if (top.Kind != HoconValueKind.Object || top.IgnoresFallbacks)
        {
            return top;
        }

        if (fallback.Kind != HoconValueKind.Object)
        {
            return Object(top.Fields, top.Origin, ignoresFallbacks: true);
        }

        var keys = new List<string>(fallback.Fields.OrderedKeys);
        var values = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fallback.Fields)
        {
            values[key] = value;
        }

        foreach (var (key, value) in top.Fields)
        {
            if (values.TryGetValue(key, out var below))
            {
                values[key] = Merge(value, below);
            }
            else
            {
                keys.Add(key);
                values[key] = value;
            }
        }

        return Object(new HoconFields([.. keys], values), top.Origin, fallback.IgnoresFallbacks);
    }

    internal bool TryGetArray(out IReadOnlyList<HoconValue> items)
    {
        if (_items is not null)
        {
            items = _items;
            return true;
        }

        items = System.Array.Empty<HoconValue>();
        if (_fields is null || _fields.Count == 0)
        {
            return false;
        }

        var indexed = new List<(long Index, HoconValue Value)>();
        foreach (var (key, value) in _fields)
        {
            // Keys that are not non-negative integers are ignored, as the spec's conversion rule says.
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, value));
            }
        }

        if (indexed.Count == 0)
        {
            return false;
        }

        items = [.. indexed.OrderBy(p => p.Index).Select(p => p.Value)];
        return true;
    }

    internal string Describe() => Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "an array",
        HoconValueKind.Null => "null",
        HoconValueKind.String => HoconWriter.Quote(_text!),
        _ => _text!,
    };
}
