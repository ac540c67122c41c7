namespace FundingArb.Kernel.Internal;

/// <summary>
/// Prints log events at or above a level to standard error, synchronously, so the kernel's own failures are
/// visible before any host has wired a real logger (the Node forwards the event stream to Serilog instead).
/// </summary>
internal sealed class StandardOutLogger(ActorPath path, LogLevel level) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is LogEvent logEvent && logEvent.Level >= level)
        {
            Console.Error.WriteLine(logEvent.ToString());
        }
    }
}
