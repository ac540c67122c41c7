using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace FundingArb.Trading.Tests;

/// Runs FsCheck properties from a fixed seed so a failure replays exactly; FUNDINGARB_FSCHECK_SEED picks another.
internal static class PropertyCheck
{
    private const ulong DefaultSeed = 20_261_122;
    private const ulong Gamma = 0x9E37_79B9_7F4A_7C15;

    public static void Run(Property property, int maxTest = 300)
    {
        var seed = Environment.GetEnvironmentVariable("FUNDINGARB_FSCHECK_SEED") is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;
        var replay = new Replay(new Rnd(seed, Gamma), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(FSharpOption<Replay>.Some(replay));
        try
        {
            Check.One(config, property);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"Property failed (FUNDINGARB_FSCHECK_SEED={seed}): {ex.Message}");
        }
    }
}
