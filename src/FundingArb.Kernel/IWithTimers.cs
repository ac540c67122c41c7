namespace FundingArb.Kernel;

/// <summary>
/// An actor with timers. The kernel sets <see cref="Timers"/> in the <see cref="ActorBase"/> constructor, so the
/// actor's own constructor can start timers (implement it as an auto-property).
/// </summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
