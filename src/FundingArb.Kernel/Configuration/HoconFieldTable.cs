namespace FundingArb.Kernel.Configuration;

/// Object fields before resolution. Each key holds its merge stack: the definitions still relevant,
/// oldest first. A definition that replaces outright (a scalar or array literal) clears the stack;
/// objects over objects merge at parse time; substitutions and concatenations stack up because only
/// resolution can tell whether they merge with, replace, or refer back to what lies below.
internal sealed class HoconFieldTable
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, List<HoconNode>> _stacks = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Keys => _keys;

    public int Count => _keys.Count;

    public bool TryGetStack(string key, out IReadOnlyList<HoconNode> stack)
    {
        var found = _stacks.TryGetValue(key, out var list);
        stack = list ?? [];
        return found;
    }

    public IReadOnlyList<HoconNode> GetStack(string key) => _stacks[key];

    /// Adds one definition of a field, applying the spec's duplicate-key rules.
    public void Add(string key, HoconNode node)
    {
        if (!_stacks.TryGetValue(key, out var stack))
        {
            _keys.Add(key);
            _stacks[key] = [node];
            return;
        }

        switch (node)
        {
            case HoconObjectNode added when stack[^1] is HoconObjectNode existing:
                existing.Fields.MergeFrom(added.Fields);
                break;
            case HoconSubstitutionNode or HoconConcatenationNode:
            case HoconObjectNode when stack[^1] is HoconSubstitutionNode or HoconConcatenationNode:
                stack.Add(node);
                break;
            default:
                stack.Clear();
                stack.Add(node);
                break;
        }
    }

    public void MergeFrom(HoconFieldTable other)
    {
        foreach (var key in other._keys)
        {
            foreach (var node in other._stacks[key])
            {
                Add(key, node);
            }
        }
    }

    /// The lazy merge used at resolution: every key keeps the definitions of both tables, lower first.
    public static HoconFieldTable Merge(HoconFieldTable lower, HoconFieldTable upper)
    {
        var merged = new HoconFieldTable();
        foreach (var key in lower._keys)
        {
            merged._keys.Add(key);
            merged._stacks[key] = [.. lower._stacks[key]];
        }

        foreach (var key in upper._keys)
        {
            if (merged._stacks.TryGetValue(key, out var stack))
            {
                stack.AddRange(upper._stacks[key]);
            }
            else
            {
                merged._keys.Add(key);
                merged._stacks[key] = [.. upper._stacks[key]];
            }
        }

        return merged;
    }
}
