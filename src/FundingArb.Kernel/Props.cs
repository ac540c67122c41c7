using System.Reflection;
using System.Runtime.ExceptionServices;

namespace FundingArb.Kernel;

/// <summary>
/// An immutable recipe for an actor: how to build an instance (again on every restart) and how it
/// supervises its children.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor these Props build.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy for the actor's children; when null, the actor's own <c>SupervisorStrategy()</c> decides.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null);

    /// <summary>Props that build the actor with <paramref name="factory"/>, e.g. <c>Props.Create(() => new Pair(id))</c>.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null);
    }

    /// <summary>Props that build <paramref name="actorType"/> with the constructor matching <paramref name="args"/>.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete actor type.", nameof(actorType));
        }

        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!, null);
    }

    /// <summary>The same Props with the given strategy for the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, strategy);
    }

    internal ActorBase NewActor()
    {
        try
        {
            return _factory();
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } thrownByConstructor)
        {
            // Create<T>() and Create(Type, args) build through reflection, which wraps what the constructor threw;
            // unwrapping makes ActorInitializationException carry the constructor's own exception for every factory.
            ExceptionDispatchInfo.Throw(thrownByConstructor);
            throw;
        }
    }

    public override string ToString() => $"Props({ActorType.Name})";
}
