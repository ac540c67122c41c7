namespace FundingArb.Kernel.Configuration;

public sealed partial class Config
{
    private const string Duration = "a duration (e.g. 10s, 100ms, 5 minutes, infinite)";
    private const string ByteSize = "a size in bytes (e.g. 512k, 10MiB, 1GB)";
    private const string StringList = "a list of strings";

    private delegate bool Converter<T>(HoconValue value, out T result);

    /// <summary>The scalar at the path as text: numbers as written, booleans as <c>true</c>/<c>false</c>.</summary>
    public string GetString(string path) => Get<string>(path, "a string", HoconConvert.TryString);

    /// <summary>The scalar at the path as text, or <paramref name="default"/> when missing or null.</summary>
    public string GetString(string path, string @default) => Get(path, @default, "a string", HoconConvert.TryString);

    /// <summary>The whole number at the path (a number or a numeric string).</summary>
    public int GetInt(string path) => Get<int>(path, "a 32-bit integer", HoconConvert.TryInt);

    /// <summary>The whole number at the path, or <paramref name="default"/> when missing or null.</summary>
    public int GetInt(string path, int @default) => Get(path, @default, "a 32-bit integer", HoconConvert.TryInt);

    /// <summary>The whole number at the path (a number or a numeric string).</summary>
    public long GetLong(string path) => Get<long>(path, "a 64-bit integer", HoconConvert.TryLong);

    /// <summary>The whole number at the path, or <paramref name="default"/> when missing or null.</summary>
    public long GetLong(string path, long @default) => Get(path, @default, "a 64-bit integer", HoconConvert.TryLong);

    /// <summary>The number at the path, read exactly from its text (for prices, sizes, fees and rates).</summary>
    public decimal GetDecimal(string path) => Get<decimal>(path, "a decimal number", HoconConvert.TryDecimal);

    /// <summary>The exact number at the path, or <paramref name="default"/> when missing or null.</summary>
    public decimal GetDecimal(string path, decimal @default) => Get(path, @default, "a decimal number", HoconConvert.TryDecimal);

    /// <summary>The number at the path as a double.</summary>
    public double GetDouble(string path) => Get<double>(path, "a number", HoconConvert.TryDouble);

    /// <summary>The number at the path as a double, or <paramref name="default"/> when missing or null.</summary>
    public double GetDouble(string path, double @default) => Get(path, @default, "a number", HoconConvert.TryDouble);

    /// <summary>The boolean at the path: <c>true</c>/<c>false</c>, or the strings yes/no and on/off.</summary>
    public bool GetBoolean(string path) => Get<bool>(path, "a boolean (true/false, yes/no, on/off)", HoconConvert.TryBoolean);

    /// <summary>The boolean at the path, or <paramref name="default"/> when missing or null.</summary>
    public bool GetBoolean(string path, bool @default) => Get(path, @default, "a boolean (true/false, yes/no, on/off)", HoconConvert.TryBoolean);

    /// <summary>
    /// The duration at the path: a number of milliseconds, or a number and a unit (ns, us, ms, s, m, h, d and
    /// their long names: <c>10s</c>, <c>5 minutes</c>); <c>infinite</c> is <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan GetTimeSpan(string path) => Get<TimeSpan>(path, Duration, HoconConvert.TryTimeSpan);

    /// <summary>The duration at the path, or <paramref name="default"/> when missing or null.</summary>
    /// <param name="path">The path expression.</param>
    /// <param name="default">Returned when the path is missing or null.</param>
    /// <param name="allowInfinite">When false, <c>infinite</c> is rejected with <see cref="ConfigurationException"/>.</param>
    public TimeSpan GetTimeSpan(string path, TimeSpan @default, bool allowInfinite = true) => allowInfinite
        ? Get(path, @default, Duration, HoconConvert.TryTimeSpan)
        : Get(path, @default, "a finite duration (e.g. 10s, 100ms, 5 minutes)", HoconConvert.TryFiniteTimeSpan);

    /// <summary>The size in bytes at the path: a number of bytes, or a number and a unit (<c>512k</c>, <c>10MiB</c>, <c>1GB</c>).</summary>
    public long GetByteSize(string path) => Get<long>(path, ByteSize, HoconConvert.TryByteSize);

    /// <summary>The size in bytes at the path, or <paramref name="default"/> when missing or null.</summary>
    public long GetByteSize(string path, long @default) => Get(path, @default, ByteSize, HoconConvert.TryByteSize);

    /// <summary>The array of scalars at the path, each as text.</summary>
    public IReadOnlyList<string> GetStringList(string path) => Get<IReadOnlyList<string>>(path, StringList, HoconConvert.TryStringList);

    /// <summary>The array of scalars at the path, or <paramref name="default"/> when missing or null.</summary>
    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> @default) => Get(path, @default, StringList, HoconConvert.TryStringList);

    /// <summary>The array of objects at the path, each as a configuration.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        var fullPath = FullPath(path);
        var value = Find(path);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            throw Missing(path, value);
        }

        if (!value.TryGetArray(out var items) || items.Any(i => i.Kind != HoconValueKind.Object))
        {
            throw WrongType(path, value, "a list of objects");
        }

        return [.. items.Select((item, index) => new Config(item, $"{fullPath}[{index}]"))];
    }

    private T Get<T>(string path, string expected, Converter<T> convert)
    {
        var value = Find(path);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            throw Missing(path, value);
        }

        return convert(value, out var result) ? result : throw WrongType(path, value, expected);
    }

    private T Get<T>(string path, T @default, string expected, Converter<T> convert)
    {
        var value = Find(path);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            return @default;
        }

        return convert(value, out var result) ? result : throw WrongType(path, value, expected);
    }
}
