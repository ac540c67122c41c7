using System.Collections.Immutable;
using Serilog.Events;

namespace FundingArb.Node.Configuration;

/// `fundingarb.node.logging`: levels for the console and the JSON files, per-source overrides, retention.
public sealed record NodeLogSettings(
    LogEventLevel ConsoleLevel,
    LogEventLevel FileLevel,
    int RetainedFiles,
    ImmutableSortedDictionary<string, LogEventLevel> Overrides);
