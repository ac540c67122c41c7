namespace FundingArb.Kernel;

/// <summary>Severity of a log event, lowest first.</summary>
public enum LogLevel
{
    Debug,
    Info,
    Warning,
    Error,

    /// <summary>Above every level: nothing is logged.</summary>
    Off,
}
