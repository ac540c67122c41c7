namespace FundingArb.Kernel;

/// <summary>No actor lives at the path an <see cref="ActorSelection"/> was asked to resolve.</summary>
public sealed class ActorNotFoundException : Exception
{
    public ActorNotFoundException()
    {
    }

    public ActorNotFoundException(string path)
        : base($"No actor lives at {path}.")
    {
    }

    public ActorNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
