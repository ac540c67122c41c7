namespace FundingArb.Kernel;

/// <summary>Thrown when an actor does not handle the <see cref="Terminated"/> of an actor it watches.</summary>
public sealed class DeathPactException : Exception
{
    public DeathPactException()
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor?.Path}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor whose termination was not handled.</summary>
    public IActorRef? DeadActor { get; }
}
