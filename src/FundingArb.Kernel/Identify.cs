namespace FundingArb.Kernel;

/// <summary>Every actor answers it with an <see cref="ActorIdentity"/> carrying its reference.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
