using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace FundingArb.Node.Logging;

// Runs last, on every event of every sink: a property whose name says it holds a secret is masked whatever its
// value, and any string property equal to (or containing) a registered secret is masked wherever it appears, so a
// token passed under an innocent name or inside an exception message does not reach a file either.

/// Masks secrets in log events before any sink writes them.
public sealed class SecretMasking : ILogEventEnricher
{
    public const string Mask = "***";

    private static readonly string[] s_secretNames = ["token", "secret", "password", "apikey", "api-key", "api_key", "authorization", "credential"];
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    /// Masks this value from now on, wherever it appears (ignored when shorter than 8 characters: too many false hits).
    public void Register(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length >= 8)
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_secretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var masked = IsSecretName(name) ? new ScalarValue(Mask) : MaskValue(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    /// The text with every registered secret replaced by the mask.
    public string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when MaskText(text) is var masked && masked != text => new ScalarValue(masked),
        SequenceValue sequence => SequenceMasked(sequence),
        StructureValue structure => StructureMasked(structure),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(p => new KeyValuePair<ScalarValue, LogEventPropertyValue>(p.Key, MaskValue(p.Value)))),
        _ => value,
    };

    private StructureValue StructureMasked(StructureValue structure)
    {
        var properties = structure.Properties
            .Select(p => IsSecretName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(Mask)) : new LogEventProperty(p.Name, MaskValue(p.Value)))
            .ToArray();
        return properties.Zip(structure.Properties).All(p => ReferenceEquals(p.First.Value, p.Second.Value))
            ? structure
            : new StructureValue(properties, structure.TypeTag);
    }

    private SequenceValue SequenceMasked(SequenceValue sequence)
    {
        var elements = sequence.Elements.Select(MaskValue).ToArray();
        return elements.Zip(sequence.Elements).All(p => ReferenceEquals(p.First, p.Second)) ? sequence : new SequenceValue(elements);
    }
}
