namespace FundingArb.Kernel;

/// <summary>The failure a <see cref="Kill"/> message causes; the default decider stops the actor.</summary>
public sealed class ActorKilledException : Exception
{
    public ActorKilledException()
        : base("Kill")
    {
    }

    public ActorKilledException(string message)
        : base(message)
    {
    }

    public ActorKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
