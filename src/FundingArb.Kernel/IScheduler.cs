namespace FundingArb.Kernel;

/// <summary>
/// Sends messages later, on the system's <see cref="TimeProvider"/>: on a virtual clock, nothing fires until
/// the clock is advanced. Scheduled sends are not cancelled when the receiver stops (use actor timers for that).
/// </summary>
public interface IScheduler
{
    /// <summary>The current time of the system's clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Tells <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>, on a pool thread.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
