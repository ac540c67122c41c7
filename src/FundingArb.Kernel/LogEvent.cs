using System.Collections.Immutable;
using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// A structured log event published on the event stream. <see cref="Template"/> uses named holes
/// (<c>"Append failed for {PersistenceId}"</c>) filled from <see cref="Args"/> in order, so a host can
/// forward the event to a structured logger unchanged.
/// </summary>
public sealed record LogEvent(
    LogLevel Level,
    DateTimeOffset Timestamp,
    string LogSource,
    Type? LogClass,
    string Template,
    ImmutableArray<object?> Args,
    Exception? Cause)
{
    /// <summary>The template with its holes filled.</summary>
    public string FormattedMessage() => LogTemplate.Format(Template, Args.AsSpan());

    public override string ToString() =>
        Cause is null
            ? $"[{Level.ToString().ToUpperInvariant()}][{Timestamp:O}][{LogSource}] {FormattedMessage()}"
            : $"[{Level.ToString().ToUpperInvariant()}][{Timestamp:O}][{LogSource}] {FormattedMessage()}{Environment.NewLine}{Cause}";
}
