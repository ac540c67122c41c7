namespace FundingArb.Kernel;

/// <summary>
/// Runs actors that have messages. The default runs them on the .NET thread pool; a
/// <see cref="DeterministicDispatcher"/> runs them one at a time on a thread of the caller's choosing, so a
/// simulation on a virtual clock gives the same interleaving, and the same result, on every run.
/// </summary>
public abstract class MessageDispatcher
{
    /// <summary>The thread-pool dispatcher every system uses unless given another.</summary>
    public static MessageDispatcher ThreadPool { get; } = new ThreadPoolDispatcher();

    /// <summary>Arranges for <paramref name="work"/> (an actor with messages) to run once.</summary>
    protected internal abstract void Schedule(IThreadPoolWorkItem work);

    private sealed class ThreadPoolDispatcher : MessageDispatcher
    {
        protected internal override void Schedule(IThreadPoolWorkItem work) =>
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
    }
}
