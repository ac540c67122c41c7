using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// An absolute actor path, looked up each time a message is sent (Akka's <c>ActorSelection</c> for local paths
/// such as <c>/user/orchestrator/pair-1</c> or the full <c>fundingarb://NAME/user/...</c>; no wildcards and no
/// remote addresses): whoever lives there at that moment receives the message, and when nobody does it becomes a
/// dead letter, as a Tell to a dead actor does.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly ActorSystem _system;
    private readonly string[] _elements;

    internal ActorSelection(ActorSystem system, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var address = system.RootCell.Path.Address.ToString();
        var relative = path.StartsWith(address + "/", StringComparison.Ordinal) ? path[address.Length..] : path;
        if (!relative.StartsWith('/'))
        {
            throw new ArgumentException($"Actor selection [{path}] is not an absolute path of system [{system.Name}] (e.g. /user/orchestrator).", nameof(path));
        }

        _system = system;
        _elements = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        PathString = "/" + string.Join('/', _elements);
    }

    /// <summary>The selected path, from the root: <c>/user/...</c>.</summary>
    public string PathString { get; }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Find() is { } target)
        {
            target.Tell(message, sender);
        }
        else
        {
            _system.DeadLetterRef.Publish(message, sender, _system.DeadLetters);
        }
    }

    /// <summary>The actor living at the path now; fails with <see cref="ActorNotFoundException"/> when nobody does.</summary>
    public Task<IActorRef> ResolveOne() =>
        Find() is { } target ? Task.FromResult<IActorRef>(target) : Task.FromException<IActorRef>(new ActorNotFoundException(PathString));

    public override string ToString() => $"ActorSelection[{PathString}]";

    private LocalActorRef? Find()
    {
        var cell = _system.RootCell;
        foreach (var name in _elements)
        {
            if (cell.Child(name) is not LocalActorRef child)
            {
                return null;
            }

            cell = child.Cell;
        }

        return cell.Self;
    }
}
