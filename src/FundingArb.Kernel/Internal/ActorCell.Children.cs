using System.Diagnostics;

namespace FundingArb.Kernel.Internal;

/// <summary>
/// The children of a cell. Names are reserved synchronously in <see cref="ActorOf"/> and freed only when the
/// child's termination reaches this cell, so a name can be reused once its Terminated has arrived.
/// Mutations take <c>_childrenGate</c>: the owner thread is the usual caller, but the user guardian's
/// ActorOf is called from any thread (<c>system.ActorOf</c>).
/// </summary>
internal sealed partial class ActorCell
{
    private const string AutoNameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _childrenGate = new();
    private Dictionary<string, ActorCell>? _children;
    private HashSet<ActorCell>? _stoppingChildren;
    private ChildrenTerminationReason? _childrenTerminationReason;
    private long _nextChildNumber;

    public IEnumerable<IActorRef> Children => ChildCells().Select(c => (IActorRef)c.Self);

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        ActorCell child;
        lock (_childrenGate)
        {
            name ??= NextAutoName();
            if (_terminating)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: {Path} is stopping.");
            }

            _children ??= new Dictionary<string, ActorCell>(StringComparer.Ordinal);
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique under {Path}.");
            }

            child = new ActorCell(_system, props, Self, _path, name, _system.NextUid());
            _children.Add(name, child);
            AssertChildrenInvariants();
        }

        child.Start();
        return child.Self;
    }

    public IActorRef Child(string name)
    {
        lock (_childrenGate)
        {
            return _children is not null && _children.TryGetValue(name, out var child) ? child.Self : ActorRefs.Nobody;
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef { Cell: var cell } && !ReferenceEquals(cell, this))
        {
            lock (_childrenGate)
            {
                if (_children is not null && _children.TryGetValue(cell.Name, out var child) && ReferenceEquals(child, cell))
                {
                    (_stoppingChildren ??= []).Add(cell);
                }
            }
        }

        if (actor is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    internal static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$': such names are generated.");
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';()".Contains(c, StringComparison.Ordinal)))
            {
                throw new InvalidActorNameException($"Actor name [{name}] contains the illegal character '{c}'.");
            }
        }
    }

    private List<ActorCell> ChildCells()
    {
        lock (_childrenGate)
        {
            return _children is null ? [] : [.. _children.Values];
        }
    }

    private ActorCell? ChildCell(IActorRef actor)
    {
        if (actor is not LocalActorRef { Cell: var cell })
        {
            return null;
        }

        lock (_childrenGate)
        {
            return _children is not null && _children.TryGetValue(cell.Name, out var child) && ReferenceEquals(child, cell) ? child : null;
        }
    }

    /// <summary>Stops every child; false when there were none, so the caller can finish at once.</summary>
    private bool StopAllChildren()
    {
        List<ActorCell> toStop;
        lock (_childrenGate)
        {
            if (_children is null || _children.Count == 0)
            {
                return false;
            }

            _childrenTerminationReason = ChildrenTerminationReason.Termination;
            _stoppingChildren ??= [];
            toStop = [.. _children.Values];
            _stoppingChildren.UnionWith(toStop);
        }

        foreach (var child in toStop)
        {
            child.SendSystemMessage(new Terminate());
        }

        return true;
    }

    /// <summary>Records why this cell waits for children; false when no child is stopping.</summary>
    private bool SetChildrenTerminationReason(ChildrenTerminationReason reason)
    {
        lock (_childrenGate)
        {
            if (_stoppingChildren is null || _stoppingChildren.Count == 0)
            {
                return false;
            }

            _childrenTerminationReason = reason;
            return true;
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        ChildrenTerminationReason? finished = null;
        lock (_childrenGate)
        {
            if (_children is not null && _children.TryGetValue(child.Name, out var current) && ReferenceEquals(current, child))
            {
                _children.Remove(child.Name);
            }

            _stoppingChildren?.Remove(child);
            if (_childrenTerminationReason is not null && (_stoppingChildren is null || _stoppingChildren.Count == 0))
            {
                finished = _childrenTerminationReason;
                _childrenTerminationReason = null;
            }

            AssertChildrenInvariants();
        }

        if (finished == ChildrenTerminationReason.Termination)
        {
            FinishTerminate();
        }
        else if (finished?.RestartCause is { } cause)
        {
            FinishRecreate(cause);
        }
    }

    private void SuspendChildren(IActorRef? except)
    {
        foreach (var child in ChildCells())
        {
            if (!child.Self.Equals(except))
            {
                child.SendSystemMessage(new Suspend());
            }
        }
    }

    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var child in ChildCells())
        {
            child.SendSystemMessage(new Resume(child.Self.Equals(perpetrator) ? causedByFailure : null));
        }
    }

    private string NextAutoName()
    {
        var number = _nextChildNumber++;
        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        do
        {
            buffer[--position] = AutoNameAlphabet[(int)(number % AutoNameAlphabet.Length)];
            number /= AutoNameAlphabet.Length;
        }
        while (number > 0);

        buffer[--position] = '$';
        return new string(buffer[position..]);
    }

    [Conditional("DEBUG")]
    private void AssertChildrenInvariants()
    {
        Debug.Assert(_childrenGate.IsHeldByCurrentThread, "children are read and written under their gate");
        Debug.Assert(_stoppingChildren is null || _stoppingChildren.All(c => _children!.ContainsKey(c.Name) || c.IsTerminated),
            "a stopping child is still a child until its termination arrives");
    }
}
