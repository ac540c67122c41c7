using System.Globalization;
using FundingArb.Kernel.Configuration;

namespace FundingArb.Conformance;

/// Compares resolved values as JSON values: objects as maps (key order ignored), arrays in order,
/// numbers by value (42 equals 42.0), everything else by kind and text.
internal static class ValueComparer
{
    public static string? FirstDifference(HoconValue expected, HoconValue actual, string path)
    {
        var at = path.Length == 0 ? "the root" : $"'{path}'";
        if (expected.Kind != actual.Kind)
        {
            return $"at {at}: expected {Show(expected)}, found {Show(actual)}";
        }

        return expected.Kind switch
        {
            HoconValueKind.Object => ObjectDifference(expected.GetObject(), actual.GetObject(), path, at),
            HoconValueKind.Array => ArrayDifference(expected.GetArray(), actual.GetArray(), path, at),
            HoconValueKind.Number when SameNumber(expected.GetString()!, actual.GetString()!) => null,
            _ when expected.GetString() == actual.GetString() => null,
            _ => $"at {at}: expected {Show(expected)}, found {Show(actual)}",
        };
    }

    private static string? ObjectDifference(IReadOnlyDictionary<string, HoconValue> expected, IReadOnlyDictionary<string, HoconValue> actual, string path, string at)
    {
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var other))
            {
                return $"at {at}: missing key \"{key}\"";
            }

            var difference = FirstDifference(value, other, path.Length == 0 ? key : $"{path}.{key}");
            if (difference is not null)
            {
                return difference;
            }
        }

        var extra = actual.Keys.FirstOrDefault(k => !expected.ContainsKey(k));
        return extra is null ? null : $"at {at}: unexpected key \"{extra}\"";
    }

    private static string? ArrayDifference(IReadOnlyList<HoconValue> expected, IReadOnlyList<HoconValue> actual, string path, string at)
    {
        if (expected.Count != actual.Count)
        {
            return $"at {at}: expected {expected.Count} elements, found {actual.Count}";
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var difference = FirstDifference(expected[i], actual[i], $"{path}[{i}]");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool SameNumber(string expected, string actual)
    {
        const NumberStyles Style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        if (decimal.TryParse(expected, Style, culture, out var left) && decimal.TryParse(actual, Style, culture, out var right))
        {
            return left == right;
        }

        return double.TryParse(expected, Style, culture, out var x) && double.TryParse(actual, Style, culture, out var y) && x.Equals(y);
    }

    private static string Show(HoconValue value) => value.Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "an array",
        _ => $"{value.Kind.ToString().ToLowerInvariant()} {value}",
    };
}
