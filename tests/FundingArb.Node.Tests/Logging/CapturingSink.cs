using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace FundingArb.Node.Tests.Logging;

/// Keeps every event a logger wrote, for assertions on their properties.
public sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
