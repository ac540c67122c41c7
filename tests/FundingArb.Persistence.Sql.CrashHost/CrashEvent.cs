namespace FundingArb.Persistence.Sql.CrashHost;

/// <summary>One event of an atomic write of three: it names its own id and sequence number so a reader can check it.</summary>
public sealed record CrashEvent(string PersistenceId, long SequenceNr, int Part);
