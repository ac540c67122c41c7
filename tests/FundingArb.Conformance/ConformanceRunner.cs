using FundingArb.Kernel.Configuration;

namespace FundingArb.Conformance;

/// Runs the equivalence vectors: in each equivNN folder, every .conf and .json file must parse to the
/// same value as original.json. Substitutions see an empty environment, so results do not depend on the
/// machine; .properties includes are read by the kernel's minimal properties reader.
internal sealed class ConformanceRunner
{
    private static readonly HoconParseOptions s_options = new() { Environment = _ => null };

    private readonly TextWriter _output;

    public ConformanceRunner(TextWriter output)
    {
        _output = output;
    }

    public static string? DefaultFolder()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FundingArb.Actors.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "conformance", "hocon"));
            }
        }

        return null;
    }

    public bool Run(string folder)
    {
        _output.WriteLine($"HOCON conformance vectors in {Path.GetFullPath(folder)}");
        _output.WriteLine("environment: empty; .properties includes: parsed (strings only, keys split on '.')");
        int passed = 0, failed = 0;
        foreach (var vector in Directory.GetDirectories(folder, "equiv*").Order(StringComparer.Ordinal))
        {
            var (vectorPassed, vectorFailed) = RunVector(vector);
            _output.WriteLine($"{Path.GetFileName(vector)}: {vectorPassed} ok, {vectorFailed} failed");
            passed += vectorPassed;
            failed += vectorFailed;
        }

        _output.WriteLine($"{passed + failed} files: {passed} ok, {failed} failed");
        return failed == 0 && passed > 0;
    }

    private (int Passed, int Failed) RunVector(string vector)
    {
        var name = Path.GetFileName(vector);
        HoconValue original;
        try
        {
            original = ConfigurationFactory.ParseFile(Path.Combine(vector, "original.json"), s_options).Root;
        }
        catch (Exception e) when (e is HoconParseException or IOException)
        {
            _output.WriteLine($"{name}/original.json FAIL {e.Message}");
            return (0, 1);
        }

        int passed = 0, failed = 0;
        var files = Directory.GetFiles(vector)
            .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "original.json")
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var difference = Compare(original, file);
            _output.WriteLine(difference is null ? $"{name}/{Path.GetFileName(file)} ok" : $"{name}/{Path.GetFileName(file)} FAIL {difference}");
            if (difference is null)
            {
                passed++;
            }
            else
            {
                failed++;
            }
        }

        return (passed, failed);
    }

    private static string? Compare(HoconValue original, string file)
    {
        try
        {
            var parsed = ConfigurationFactory.ParseFile(file, s_options).Root;
            return ValueComparer.FirstDifference(original, parsed, "");
        }
        catch (Exception e) when (e is HoconParseException or IOException)
        {
            return e.Message;
        }
    }
}
