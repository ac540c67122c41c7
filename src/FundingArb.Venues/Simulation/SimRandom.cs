using System.Text;

namespace FundingArb.Venues.Simulation;

// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Not System.Random because a restart must carry
// the generator's state in the venue's snapshot, and System.Random exposes none. Gaussians come from the sum of
// twelve uniforms (Irwin-Hall): only additions, so the same seed gives the same path on every CPU and runtime,
// where Math.Log or Math.Cos may differ in the last bit. Its tails stop at 6 sigma, which a price step never needs.

/// A seeded pseudo-random source with exportable state; one per market, so markets do not disturb each other.
internal sealed class SimRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SimRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong[] State => [_s0, _s1, _s2, _s3];

    public void Restore(IReadOnlyList<ulong> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("A generator state is four words, not all zero.", nameof(state));
        }

        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// A stable seed for one stream of a scenario: the same (seed, parts) on any machine and run gives the same value
    /// (FNV-1a over the text; string.GetHashCode is randomised per process).
    public static ulong DeriveSeed(long seed, params ReadOnlySpan<string> parts)
    {
        var hash = 14_695_981_039_346_656_037UL ^ (ulong)seed;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = (hash ^ b) * 1_099_511_628_211UL;
            }

            hash = (hash ^ 0x1F) * 1_099_511_628_211UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// Uniform on [0, 1).
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// Approximately standard normal: mean 0, variance 1, bounded by ±6.
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
