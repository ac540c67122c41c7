namespace FundingArb.Kernel;

/// <summary>An actor with timers; the kernel sets <see cref="Timers"/> when it builds the instance.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
