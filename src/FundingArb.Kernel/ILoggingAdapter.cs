namespace FundingArb.Kernel;

/// <summary>Writes structured log events for one source (an actor's path, or the system).</summary>
public interface ILoggingAdapter
{
    bool IsEnabled(LogLevel level);

    void Log(LogLevel level, Exception? cause, string template, params object?[] args);

    void Debug(string template, params object?[] args);

    void Info(string template, params object?[] args);

    void Warning(string template, params object?[] args);

    void Warning(Exception cause, string template, params object?[] args);

    void Error(string template, params object?[] args);

    void Error(Exception cause, string template, params object?[] args);
}
