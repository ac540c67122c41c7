namespace FundingArb.Kernel.TestKit.Internal;

/// <summary>A message the test actor received, with its sender.</summary>
internal sealed record ReceivedMessage(object Message, IActorRef Sender);
