namespace FundingArb.Kernel;

/// <summary>The reply to <see cref="Identify"/>; <paramref name="Subject"/> is null when nobody lives there.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
