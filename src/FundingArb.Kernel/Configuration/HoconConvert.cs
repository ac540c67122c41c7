using System.Globalization;

namespace FundingArb.Kernel.Configuration;

/// The spec's automatic conversions for the typed getters: strings parse as numbers and booleans,
/// numbers are read from their written text (never through double for int, long and decimal).
internal static class HoconConvert
{
    public static bool TryString(HoconValue value, out string result)
    {
        result = IsScalar(value) ? value.GetString()! : "";
        return IsScalar(value);
    }

    public static bool TryDecimal(HoconValue value, out decimal result)
    {
        result = 0;
        return IsScalar(value) && decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryLong(HoconValue value, out long result)
    {
        result = 0;
        if (!TryDecimal(value, out var number) || number != decimal.Truncate(number) || number < long.MinValue || number > long.MaxValue)
        {
            return false;
        }

        result = (long)number;
        return true;
    }

    public static bool TryInt(HoconValue value, out int result)
    {
        result = 0;
        if (!TryLong(value, out var number) || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        result = (int)number;
        return true;
    }

    public static bool TryDouble(HoconValue value, out double result)
    {
        result = 0;
        return IsScalar(value) && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryBoolean(HoconValue value, out bool result)
    {
        result = false;
        switch (IsScalar(value) ? value.GetString() : null)
        {
            case "true" or "yes" or "on":
                result = true;
                return true;
            case "false" or "no" or "off":
                return true;
            default:
                return false;
        }
    }

    public static bool TryTimeSpan(HoconValue value, out TimeSpan result)
    {
        result = default;
        return IsScalar(value) && HoconUnits.TryParseDuration(value.GetString()!, out result);
    }

    public static bool TryFiniteTimeSpan(HoconValue value, out TimeSpan result) =>
        TryTimeSpan(value, out result) && result != Timeout.InfiniteTimeSpan;

    public static bool TryByteSize(HoconValue value, out long result)
    {
        result = 0;
        return IsScalar(value) && HoconUnits.TryParseByteSize(value.GetString()!, out result);
    }

    public static bool TryStringList(HoconValue value, out IReadOnlyList<string> result)
    {
        result = [];
        if (!value.TryGetArray(out var items) || !items.All(IsScalar))
        {
            return false;
        }

        result = [.. items.Select(i => i.GetString()!)];
        return true;
    }

    private static bool IsScalar(HoconValue value) => value.Kind is not (HoconValueKind.Object or HoconValueKind.Array or HoconValueKind.Null);
}
