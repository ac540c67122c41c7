using System.Text;

namespace FundingArb.Kernel.Configuration;

/// Resolves the substitutions of one parsed document, as the last step of parsing.
///
/// Substitutions look forward (they see the final value of their path), except that while a definition
/// is being resolved it is hidden, together with every definition stacked above it, from lookups: that is
/// the spec's "look backward" rule that makes <c>path = ${path}":/bin"</c> see the earlier <c>path</c>,
/// and it turns <c>a = ${b}, b = ${a}</c> into an unresolvable (undefined) substitution instead of a loop.
/// Every node is resolved once and memoized, so all references to a substitution see the same value.
internal sealed class HoconResolver
{
    // Each substitution waiting on another, and each level of the resolved value, costs a few stack
    // frames: these bound them as the parser bounds nesting, so hostile input fails instead of crashing.
    private const int MaxChainLength = 256;
    private const int MaxDepth = 256;

    private readonly HoconObjectNode _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconNode, HoconPartialValue> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IReadOnlyList<HoconNode>, HoconPartialValue> _stacks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconPartialValue, HoconValue> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconPartialValue> _resolving = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitutionNode> _chain = [];

    private HoconResolver(HoconObjectNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconValue Resolve(HoconObjectNode root, Func<string, string?> environment)
    {
        var resolver = new HoconResolver(root, environment);
        return resolver.Complete(resolver.Evaluate(root), [], root.Origin);
    }

    /// Resolves a node as far as its type.
    private HoconPartialValue Evaluate(HoconNode node)
    {
        switch (node)
        {
            case HoconLiteralNode literal:
                return HoconPartialValue.FromScalar(literal.Value);
            case HoconObjectNode or HoconArrayNode when _nodes.TryGetValue(node, out var known):
                return known;
            case HoconObjectNode obj:
                return _nodes[node] = HoconPartialValue.FromObject(obj.Fields, obj.Origin);
            case HoconArrayNode array:
                return _nodes[node] = HoconPartialValue.FromArray(array.Elements, array.Origin);
        }

        if (_nodes.TryGetValue(node, out var memo))
        {
            return memo;
        }

        if (!_inProgress.Add(node))
        {
            // Lookups hide nodes in progress, so only a reference from outside any merge stack gets here.
            throw new HoconParseException(node.Origin, $"substitution cycle through {DescribeChain()}");
        }

        if (_inProgress.Count > MaxChainLength)
        {
            throw new HoconParseException(node.Origin, $"substitutions refer through more than {MaxChainLength} others to reach a value");
        }

        try
        {
            var value = node is HoconSubstitutionNode substitution
                ? Substitute(substitution)
                : Concatenate((HoconConcatenationNode)node);
            _nodes[node] = value;
            return value;
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    /// Resolves the lowest <paramref name="count"/> definitions of a field as far as their type.
    private HoconPartialValue Evaluate(IReadOnlyList<HoconNode> stack, int count)
    {
        var whole = count == stack.Count;
        if (whole && _stacks.TryGetValue(stack, out var memo))
        {
            return memo;
        }

        var result = HoconPartialValue.Undefined;
        for (var i = count - 1; i >= 0; i--)
        {
            var top = Evaluate(stack[i]);
            if (top.IsUndefined)
            {
                // An undefined ${?x} leaves the previous definition in place.
                continue;
            }

            result = top;
            if (top.Fields is not null && i > 0 && Evaluate(stack, i) is { Fields: { } below })
            {
                result = HoconPartialValue.FromObject(HoconFieldTable.Merge(below, top.Fields), top.Origin);
            }

            break;
        }

        if (whole)
        {
            _stacks[stack] = result;
        }

        return result;
    }

    private HoconPartialValue Substitute(HoconSubstitutionNode substitution)
    {
        _chain.Add(substitution);
        try
        {
            var hidden = false;
            if (substitution.Prefix.Length > 0 && Lookup([.. substitution.Prefix, .. substitution.Path], ref hidden) is { IsUndefined: false } relative)
            {
                return relative;
            }

            if (Lookup(substitution.Path, ref hidden) is { IsUndefined: false } found)
            {
                return found;
            }

            var environment = _environment(substitution.EnvironmentName);
            if (environment is not null)
            {
                return HoconPartialValue.FromScalar(HoconValue.String(environment, substitution.Origin));
            }

            if (substitution.IsOptional)
            {
                return HoconPartialValue.Undefined;
            }

            var reason = !hidden
                ? $"no such path in the configuration and no environment variable '{substitution.EnvironmentName}' (use ${{?...}} if it is optional)"
                : _chain.Count == 1
                    ? $"it refers back to itself and there is no earlier definition or environment variable '{substitution.EnvironmentName}'"
                    : $"substitution cycle ({DescribeChain()}) with no earlier definition or environment variable '{substitution.EnvironmentName}' to break it";
            throw new HoconParseException(substitution.Origin, $"cannot resolve {substitution.Text}: {reason}");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// Walks a path from the root, resolving only the fields along it. <paramref name="hidden"/> is set
    /// when a definition in progress had to be skipped, which tells a cycle from a plain missing path.
    private HoconPartialValue Lookup(IReadOnlyList<string> path, ref bool hidden)
    {
        var current = Evaluate(_root);
        foreach (var key in path)
        {
            if (current.Fields is null || !current.Fields.TryGetStack(key, out var stack))
            {
                return HoconPartialValue.Undefined;
            }

            var visible = VisibleCount(stack);
            hidden |= visible < stack.Count;
            current = Evaluate(stack, visible);
            if (current.IsUndefined)
            {
                return current;
            }
        }

        return current;
    }

    /// The definitions below the lowest one being resolved: it and everything overriding it are hidden.
    private int VisibleCount(IReadOnlyList<HoconNode> stack)
    {
        if (_inProgress.Count == 0)
        {
            return stack.Count;
        }

        for (var i = 0; i < stack.Count; i++)
        {
            if (_inProgress.Contains(stack[i]))
            {
                return i;
            }
        }

        return stack.Count;
    }

    private HoconPartialValue Concatenate(HoconConcatenationNode concatenation)
    {
        var parts = new HoconPartialValue[concatenation.Parts.Count];
        HoconPartialValue? first = null;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Evaluate(concatenation.Parts[i]);
            first ??= parts[i].IsUndefined ? null : parts[i];
        }

        if (first is null)
        {
            return HoconPartialValue.Undefined;
        }

        if (first.Fields is not null)
        {
            HoconFieldTable? merged = null;
            foreach (var part in Defined(parts, concatenation, "an object"))
            {
                merged = merged is null ? part.Fields! : HoconFieldTable.Merge(merged, part.Fields!);
            }

            return HoconPartialValue.FromObject(merged!, concatenation.Origin);
        }

        if (first.Elements is not null)
        {
            var elements = Defined(parts, concatenation, "an array").SelectMany(p => p.Elements!).ToArray();
            return HoconPartialValue.FromArray(elements, concatenation.Origin);
        }

        // An undefined ${?x} among strings is the empty string; the whitespace around it stays.
        var text = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            text.Append(concatenation.Whitespace[i]);
            if (parts[i].IsUndefined)
            {
                continue;
            }

            if (parts[i].Scalar is null)
            {
                throw Mismatch(concatenation, i, parts[i], "a string");
            }

            text.Append(parts[i].Scalar!.GetString() ?? "null");
        }

        return HoconPartialValue.FromScalar(HoconValue.String(text.ToString(), concatenation.Origin));
    }

    private static IEnumerable<HoconPartialValue> Defined(HoconPartialValue[] parts, HoconConcatenationNode concatenation, string kind)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.IsUndefined)
            {
                continue;
            }

            var matches = kind == "an object" ? part.Fields is not null : part.Elements is not null;
            if (!matches)
            {
                throw Mismatch(concatenation, i, part, kind);
            }

            yield return part;
        }
    }

    private static HoconParseException Mismatch(HoconConcatenationNode concatenation, int index, HoconPartialValue part, string expected) =>
        new(concatenation.Parts[index].Origin,
            $"cannot concatenate {part.Describe()} with {expected}: a concatenation is all strings, all arrays or all objects");

    /// Resolves a partial value completely, leaving out fields and elements whose ${?x} found nothing.
    private HoconValue Complete(HoconPartialValue value, List<string> path, HoconOrigin via)
    {
        if (value.Scalar is not null)
        {
            return value.Scalar;
        }

        if (_resolved.TryGetValue(value, out var done))
        {
            return done;
        }

        if (path.Count > MaxDepth)
        {
            throw new HoconParseException(via, $"the resolved value is nested more than {MaxDepth} deep at '{HoconPath.Render(path)}'");
        }

        if (!_resolving.Add(value))
        {
            throw new HoconParseException(via, $"substitution cycle: the value at '{HoconPath.Render(path)}' contains itself");
        }

        var result = value.Fields is not null ? CompleteObject(value, path) : CompleteArray(value, path);
        _resolving.Remove(value);
        _resolved[value] = result;
        return result;
    }

    private HoconValue CompleteObject(HoconPartialValue value, List<string> path)
    {
        var keys = new List<string>(value.Fields!.Count);
        var values = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var key in value.Fields.Keys)
        {
            var stack = value.Fields.GetStack(key);
            var field = Evaluate(stack, stack.Count);
            if (field.IsUndefined)
            {
                continue;
            }

            path.Add(key);
            values[key] = Complete(field, path, stack[^1].Origin);
            path.RemoveAt(path.Count - 1);
            keys.Add(key);
        }

        return HoconValue.Object(new HoconFields([.. keys], values), value.Origin);
    }

    private HoconValue CompleteArray(HoconPartialValue value, List<string> path)
    {
        var items = new List<HoconValue>(value.Elements!.Count);
        foreach (var element in value.Elements)
        {
            var item = Evaluate(element);
            if (item.IsUndefined)
            {
                continue;
            }

            path.Add(items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            items.Add(Complete(item, path, element.Origin));
            path.RemoveAt(path.Count - 1);
        }

        return HoconValue.Array([.. items], value.Origin);
    }

    private string DescribeChain() => string.Join(" -> ", _chain.Select(s => s.Text));
}
