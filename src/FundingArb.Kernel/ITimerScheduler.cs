namespace FundingArb.Kernel;

/// <summary>
/// Timers owned by an actor: cancelled on restart and stop, and a message from a cancelled or replaced timer
/// is never received, even when it is already in the mailbox. Not thread-safe: use it from the actor only.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>The keys of the timers that are running.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>; replaces a timer with the same key.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef? sender = null);

    /// <summary>Sends <paramref name="msg"/> every <paramref name="interval"/>; replaces a timer with the same key.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef? sender = null);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef? sender = null);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}
