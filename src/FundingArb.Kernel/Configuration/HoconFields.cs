using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace FundingArb.Kernel.Configuration;

/// The fields of a resolved object: a dictionary that enumerates in document order.
internal sealed class HoconFields : IReadOnlyDictionary<string, HoconValue>
{
    public static readonly HoconFields Empty = new([], new Dictionary<string, HoconValue>(StringComparer.Ordinal));

    private readonly ReadOnlyCollection<string> _keys;
    private readonly Dictionary<string, HoconValue> _values;

    public HoconFields(string[] keys, Dictionary<string, HoconValue> values)
    {
        _keys = Array.AsReadOnly(keys);
        _values = values;
    }

    public IReadOnlyList<string> OrderedKeys => _keys;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<HoconValue> Values => _keys.Select(k => _values[k]);

    public int Count => _keys.Count;

    public HoconValue this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        foreach (var key in _keys)
        {
            yield return new KeyValuePair<string, HoconValue>(key, _values[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
