using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>
/// Spawns idle actors and measures the managed heap they hold once started, and the spawn rate (from the
/// first ActorOf to the last PreStart).
/// </summary>
internal static class FootprintScenario
{
    public static async Task<(double BytesPerActor, double ActorsPerSecond)> MeasureAsync(int count)
    {
        await using var system = ActorSystem.Create("footprint");
        await SpawnAsync(system, 1_000, new IActorRef[1_000]).ConfigureAwait(false);

        var refs = new IActorRef[count];
        var before = SettledHeap();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await SpawnAsync(system, count, refs).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var after = SettledHeap();
        GC.KeepAlive(refs);
        return ((after - before) / (double)count, count / elapsed.TotalSeconds);
    }

    private static async Task SpawnAsync(ActorSystem system, int count, IActorRef[] refs)
    {
        var countdown = new StartCountdown(count);
        var props = Props.Create(() => new IdleActor(countdown));
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        await countdown.AllStarted.ConfigureAwait(false);
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class StartCountdown(int count)
    {
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task AllStarted => _allStarted.Task;

        public void Started()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _allStarted.TrySetResult();
            }
        }
    }

    private sealed class IdleActor(StartCountdown countdown) : UntypedActor
    {
        protected override void PreStart() => countdown.Started();

        protected override void OnReceive(object message)
        {
        }
    }
}
