namespace FundingArb.Kernel;

/// <summary>Thrown by <c>ActorOf</c> for an empty, malformed or already used actor name.</summary>
public sealed class InvalidActorNameException : Exception
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
