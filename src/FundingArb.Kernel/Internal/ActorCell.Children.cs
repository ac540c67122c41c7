using System.Diagnostics;

namespace FundingArb.Kernel.Internal;

/// <summary>
/// The children of a cell. Names are reserved synchronously in <see cref="ActorOf"/> and freed only when the
/// child's termination reaches this cell, so a name can be reused once its Terminated has arrived. The
/// container is created with the first child (or when the cell stops), so a childless actor carries none;
/// its gate guards every change, because the user guardian's ActorOf is called from any thread.
/// </summary>
internal sealed partial class ActorCell
{
    private const string AutoNameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ChildrenContainer? _childrenContainer;

    public IEnumerable<IActorRef> Children => ChildCells().Select(c => (IActorRef)c.Self);

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        ActorCell child;
        var container = ChildrenOrCreate();
        lock (container.Gate)
        {
            name ??= NextAutoName(container);
            if (_terminating)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: {Path} is stopping.");
            }

            if (container.Children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique under {Path}.");
            }

            child = new ActorCell(_system, props, Self, name, _system.NextUid());
            container.Children.Add(name, child);
            AssertChildrenInvariants(container);
        }

        child.Start();
        return child.Self;
    }

    public IActorRef Child(string name)
    {
        if (Volatile.Read(ref _childrenContainer) is not { } container)
        {
            return ActorRefs.Nobody;
        }

        lock (container.Gate)
        {
            return container.Children.TryGetValue(name, out var child) ? child.Self : ActorRefs.Nobody;
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef { Cell: var cell } && !ReferenceEquals(cell, this) && Volatile.Read(ref _childrenContainer) is { } container)
        {
            lock (container.Gate)
            {
                if (container.Children.TryGetValue(cell.Name, out var child) && ReferenceEquals(child, cell))
                {
                    (container.Stopping ??= []).Add(cell);
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
        if (Volatile.Read(ref _childrenContainer) is not { } container)
        {
            return [];
        }

        lock (container.Gate)
        {
            return [.. container.Children.Values];
        }
    }

    private ActorCell? ChildCell(IActorRef actor)
    {
        if (actor is not LocalActorRef { Cell: var cell } || Volatile.Read(ref _childrenContainer) is not { } container)
        {
            return null;
        }

        lock (container.Gate)
        {
            return container.Children.TryGetValue(cell.Name, out var child) && ReferenceEquals(child, cell) ? child : null;
        }
    }

    /// <summary>Stops every child; false when there were none, so the caller can finish at once.</summary>
    private bool StopAllChildren()
    {
        List<ActorCell> toStop;
        var container = ChildrenOrCreate();
        lock (container.Gate)
        {
            // Taking the gate orders this stop after any ActorOf that got in first (its child is stopped here)
            // and before any that comes later (it sees _terminating and refuses).
            if (container.Children.Count == 0)
            {
                return false;
            }

            container.TerminationReason = ChildrenTerminationReason.Termination;
            container.Stopping ??= [];
            toStop = [.. container.Children.Values];
            container.Stopping.UnionWith(toStop);
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
        if (Volatile.Read(ref _childrenContainer) is not { } container)
        {
            return false;
        }

        lock (container.Gate)
        {
            if (container.Stopping is null || container.Stopping.Count == 0)
            {
                return false;
            }

            container.TerminationReason = reason;
            return true;
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        ChildrenTerminationReason? finished = null;
        var container = ChildrenOrCreate();
        lock (container.Gate)
        {
            if (container.Children.TryGetValue(child.Name, out var current) && ReferenceEquals(current, child))
            {
                container.Children.Remove(child.Name);
            }

            container.Stopping?.Remove(child);
            if (container.TerminationReason is not null && (container.Stopping is null || container.Stopping.Count == 0))
            {
                finished = container.TerminationReason;
                container.TerminationReason = null;
            }

            AssertChildrenInvariants(container);
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

    private ChildrenContainer ChildrenOrCreate()
    {
        var container = Volatile.Read(ref _childrenContainer);
        if (container is not null)
        {
            return container;
        }

        container = new ChildrenContainer();
        return Interlocked.CompareExchange(ref _childrenContainer, container, null) ?? container;
    }

    private static string NextAutoName(ChildrenContainer container)
    {
        var number = container.NextChildNumber++;
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
    private static void AssertChildrenInvariants(ChildrenContainer container)
    {
        Debug.Assert(container.Gate.IsHeldByCurrentThread, "children are read and written under their gate");
        Debug.Assert(container.Stopping is null || container.Stopping.All(c => container.Children.ContainsKey(c.Name) || c.IsTerminated),
            "a stopping child is still a child until its termination arrives");
    }
}
