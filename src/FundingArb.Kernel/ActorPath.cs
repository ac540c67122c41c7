using System.Text;

namespace FundingArb.Kernel;

/// <summary>
/// The address of an actor in its system's tree, such as <c>fundingarb://node/user/orchestrator</c>,
/// together with the uid of one incarnation. Equality ignores the uid; reference equality adds it.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private readonly ActorPath? _parent;
    private readonly int _depth;

    private ActorPath(Address address, ActorPath? parent, string name, long uid)
    {
        Address = address;
        _parent = parent;
        Name = name;
        Uid = uid;
        _depth = parent is null ? 0 : parent._depth + 1;
    }

    /// <summary>The system (and, in a cluster, the node) the actor lives in.</summary>
    public Address Address { get; }

    /// <summary>The last path element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The incarnation: a new actor at the same path gets a new uid.</summary>
    public long Uid { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The path elements below the root, e.g. <c>["user", "orchestrator"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[_depth];
            for (var p = this; p._parent is not null; p = p._parent)
            {
                elements[p._depth - 1] = p.Name;
            }

            return elements;
        }
    }

    /// <summary>Creates the root path of a system.</summary>
    public static ActorPath Root(Address address) => new(address, null, "", 0);

    /// <summary>A child path under this one with the given incarnation uid.</summary>
    public ActorPath Child(string name, long uid = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ActorPath(Address, this, name, uid);
    }

    /// <summary>The same path with another uid.</summary>
    public ActorPath WithUid(long uid) => uid == Uid ? this : new ActorPath(Address, _parent, Name, uid);

    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._depth != _depth)
        {
            return false;
        }

        for (ActorPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a._parent is null)
            {
                return a.Address.Equals(b.Address);
            }
        }

        return false;
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p._parent)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToStringWithoutUid(), other.ToStringWithoutUid());

    /// <summary>The path without the uid, e.g. <c>fundingarb://node/user/a</c>.</summary>
    public string ToStringWithoutUid()
    {
        var builder = new StringBuilder(Address.ToString());
        foreach (var element in Elements)
        {
            builder.Append('/').Append(element);
        }

        if (_depth == 0)
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>The path with the uid as a fragment, e.g. <c>fundingarb://node/user/a#42</c>.</summary>
    public override string ToString() => Uid == 0 ? ToStringWithoutUid() : $"{ToStringWithoutUid()}#{Uid}";

    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    public static bool operator <(ActorPath? left, ActorPath? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator >(ActorPath? left, ActorPath? right) => left is not null && left.CompareTo(right) > 0;

    public static bool operator <=(ActorPath? left, ActorPath? right) => !(left > right);

    public static bool operator >=(ActorPath? left, ActorPath? right) => !(left < right);
}
