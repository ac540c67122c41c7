using BenchmarkDotNet.Running;
using FundingArb.Benchmarks.Quick;

if (args.Length > 0 && args[0] == "--quick")
{
    return QuickRunner.Run(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickRunner).Assembly).Run(args);
return 0;
