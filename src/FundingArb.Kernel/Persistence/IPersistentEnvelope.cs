namespace FundingArb.Kernel.Persistence;

/// <summary>An entry of a <see cref="WriteMessages"/> request: an atomic write, or a deferred non-persistent message.</summary>
public interface IPersistentEnvelope;
