namespace FundingArb.Kernel;

/// <summary>Published on the event stream for a message no behaviour of the recipient handled.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
