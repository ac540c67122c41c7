namespace FundingArb.Kernel;

/// <summary>Marks messages that are not worth publishing as <see cref="DeadLetter"/> when undeliverable.</summary>
public interface IDeadLetterSuppression;
