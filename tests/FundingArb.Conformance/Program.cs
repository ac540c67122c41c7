using FundingArb.Conformance;

// Usage: FundingArb.Conformance [folder]; the folder defaults to ../shared/conformance/hocon next to the repository.
var folder = args.Length > 0 ? args[0] : ConformanceRunner.DefaultFolder();
if (folder is null || !Directory.Exists(folder))
{
    Console.Error.WriteLine($"conformance folder not found: {folder ?? "../shared/conformance/hocon (no repository root above the current directory)"}");
    return 2;
}

return new ConformanceRunner(Console.Out).Run(folder) ? 0 : 1;
