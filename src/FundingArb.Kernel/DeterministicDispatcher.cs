using System.Collections.Concurrent;

namespace FundingArb.Kernel;

/// <summary>
/// Runs nothing until <see cref="RunUntilIdle"/> is called, then runs ready actors one at a time on the
/// calling thread, in the order they became ready (an actor that used up its throughput goes to the back).
/// With a virtual clock advanced between calls, and stores that answer synchronously, every run of the same
/// scenario interleaves its actors identically.
/// </summary>
public sealed class DeterministicDispatcher : MessageDispatcher
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _ready = new();
    private readonly object _signal = new();

    // Threads inside RunUntilCompleted's wait. Schedule runs once per message on the simulation's hot path and pays
    // for the monitor only when someone waits: a waiter counts itself before it checks the queue and a producer
    // enqueues before it reads the count (both interlocked), so at least one of them sees the other.
    private int _waiters;

    /// <summary>True when no actor is waiting to run.</summary>
    public bool IsIdle => _ready.IsEmpty;

    /// <summary>
    /// Runs ready actors until none is left, or until <paramref name="maxRuns"/> runs (a guard against actors
    /// that message each other forever); returns how many ran.
    /// </summary>
    public int RunUntilIdle(int maxRuns = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRuns);
        var runs = 0;
        while (runs < maxRuns && _ready.TryDequeue(out var work))
        {
            work.Execute();
            runs++;
        }

        return runs;
    }

    /// <summary>
    /// Runs ready actors until <paramref name="task"/> completes, waiting for work that other threads schedule
    /// (a journal answering on the thread pool); used to terminate a system whose actors only run here.
    /// </summary>
    public void RunUntilCompleted(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _ = task.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            RunUntilIdle();
            lock (_signal)
            {
                Interlocked.Increment(ref _waiters);
                try
                {
                    while (_ready.IsEmpty && !task.IsCompleted)
                    {
                        Monitor.Wait(_signal);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiters);
                }
            }

            if (task.IsCompleted && _ready.IsEmpty)
            {
                return;
            }
        }
    }

    protected internal override void Schedule(IThreadPoolWorkItem work)
    {
        _ready.Enqueue(work);
        if (Volatile.Read(ref _waiters) > 0)
        {
            Wake();
        }
    }

    private void Wake()
    {
        lock (_signal)
        {
            Monitor.PulseAll(_signal);
        }
    }
}
