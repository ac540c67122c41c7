using System.Globalization;

namespace FundingArb.Kernel.Configuration;

/// The spec's units format: a number, optional whitespace, an optional unit made of letters.
/// Arithmetic is done in decimal so that "1.5h" or "0.1s" convert without binary rounding.
internal static class HoconUnits
{
    private static readonly Dictionary<string, decimal> s_durationTicks = BuildDurations();
    private static readonly Dictionary<string, decimal> s_byteMultipliers = BuildSizes();

    /// Bare numbers are milliseconds; "infinite" is <see cref="Timeout.InfiniteTimeSpan"/>.
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Trim() == "infinite")
        {
            duration = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!TrySplit(text, out var amount, out var unit))
        {
            return false;
        }

        if (!s_durationTicks.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            return false;
        }

        try
        {
            var ticks = decimal.Round(amount * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// Bare numbers are bytes; fractional results are truncated towards zero, as the reference implementation does.
    public static bool TryParseByteSize(string text, out long bytes)
    {
        bytes = 0;
        if (!TrySplit(text, out var amount, out var unit) || !s_byteMultipliers.TryGetValue(unit.Length == 0 ? "B" : unit, out var multiplier))
        {
            return false;
        }

        try
        {
            var total = decimal.Truncate(amount * multiplier);
            if (total < long.MinValue || total > long.MaxValue)
            {
                return false;
            }

            bytes = (long)total;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TrySplit(string text, out decimal amount, out string unit)
    {
        var trimmed = text.AsSpan().Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        // Only trailing letters are a unit, so "1e3" is a number; "2e" is 2 exbibytes, as the spec's table says.
        unit = trimmed[unitStart..].ToString();
        var number = trimmed[..unitStart].TrimEnd();
        if (number.Length == 0 && unit.Length > 0)
        {
            amount = 0;
            return false;
        }

        return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out amount);
    }

    private static Dictionary<string, decimal> BuildDurations()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(units, TimeSpan.TicksPerMillisecond / 1_000_000m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(units, TimeSpan.TicksPerMillisecond / 1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(units, TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(units, TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(units, TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(units, TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(units, TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }

    private static Dictionary<string, decimal> BuildSizes()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(units, 1m, "B", "b", "byte", "bytes");
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string Letters = "KMGTPEZY";
        decimal power10 = 1, power2 = 1;
        for (var i = 0; i < Letters.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            var upper = Letters[i].ToString();
            var lower = char.ToLowerInvariant(Letters[i]).ToString();
            Add(units, power10, (i == 0 ? "k" : upper) + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes");
            Add(units, power2, upper, lower, upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes");
        }

        return units;
    }

    private static void Add(Dictionary<string, decimal> units, decimal value, params string[] names)
    {
        foreach (var name in names)
        {
            units[name] = value;
        }
    }
}
