namespace FundingArb.Kernel.Internal;

/// <summary>Publishes log events on the system's event stream at or above the configured level.</summary>
internal sealed class BusLogger(ActorSystem system, string logSource, Type? logClass) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => level != LogLevel.Off && level >= system.Settings.LogLevel;

    public void Log(LogLevel level, Exception? cause, string template, params object?[] args)
    {
        if (IsEnabled(level))
        {
            system.EventStream.Publish(new LogEvent(level, system.TimeProvider.GetUtcNow(), logSource, logClass, template, [.. args], cause));
        }
    }

    public void Debug(string template, params object?[] args) => Log(LogLevel.Debug, null, template, args);

    public void Info(string template, params object?[] args) => Log(LogLevel.Info, null, template, args);

    public void Warning(string template, params object?[] args) => Log(LogLevel.Warning, null, template, args);

    public void Warning(Exception cause, string template, params object?[] args) => Log(LogLevel.Warning, cause, template, args);

    public void Error(string template, params object?[] args) => Log(LogLevel.Error, null, template, args);

    public void Error(Exception cause, string template, params object?[] args) => Log(LogLevel.Error, cause, template, args);

}
