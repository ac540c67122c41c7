using FundingArb.Actors.Orchestration;
using FundingArb.Kernel;
using Serilog.Events;
using KernelLogEvent = FundingArb.Kernel.LogEvent;
using KernelLogLevel = FundingArb.Kernel.LogLevel;

namespace FundingArb.Node.Logging;

/// Subscribed to the actor system's event stream: writes each kernel log event to Serilog unchanged (the kernel's
/// templates use Serilog's named holes), with the actor path as SourceContext and the pair's identity when it has one.
/// Subscribe it to LogEvent and ExecutorRegistered before the node's actors start.
public sealed class KernelLogForwarder : ReceiveActor
{
    public KernelLogForwarder(Serilog.ILogger logger, PairLogContext pairs)
    {
        // Subscribed to registrations too: one mailbox, so a pair is known before its executor's first line.
        Receive<ExecutorRegistered>(e => pairs.Add(e.Spec));
        Receive<KernelLogEvent>(e =>
        {
            var target = logger.ForContext("SourceContext", e.LogSource).ForContext(pairs.EnrichersFor(e.LogSource));
            target.Write(LevelOf(e.Level), e.Cause, e.Template, [.. e.Args]);
        });
    }

    public static Props Props(Serilog.ILogger logger, PairLogContext pairs) => Kernel.Props.Create(() => new KernelLogForwarder(logger, pairs));

    private static LogEventLevel LevelOf(KernelLogLevel level) => level switch
    {
        KernelLogLevel.Debug => LogEventLevel.Debug,
        KernelLogLevel.Info => LogEventLevel.Information,
        KernelLogLevel.Warning => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
