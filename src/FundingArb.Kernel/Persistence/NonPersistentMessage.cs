namespace FundingArb.Kernel.Persistence;

/// <summary>A DeferAsync entry: looped back by the journal in order with the writes, never stored.</summary>
public sealed record NonPersistentMessage(object Payload, IActorRef? Sender) : IPersistentEnvelope;
