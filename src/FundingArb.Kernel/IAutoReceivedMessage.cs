namespace FundingArb.Kernel;

/// <summary>Messages the kernel handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage;
