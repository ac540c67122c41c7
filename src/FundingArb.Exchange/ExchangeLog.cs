using Microsoft.Extensions.Logging;

namespace FundingArb.Exchange;

/// Every log line the exchange writes, with a stable event id. None takes the account's secret or passphrase.
internal static partial class ExchangeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Venue {Venue} served as {Protocol} at {RestUrl} and {WebSocketUrl}")]
    public static partial void Serving(ILogger logger, string venue, string protocol, Uri restUrl, Uri webSocketUrl);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Exchange ready: {Venues} venues for {Account}, state in {VenueDirectory}")]
    public static partial void Ready(ILogger logger, int venues, ExchangeAccount account, string venueDirectory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Exchange stopped; venue state saved in {VenueDirectory}")]
    public static partial void Stopped(ILogger logger, string venueDirectory);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Saving the state of venue {Venue} failed")]
    public static partial void SaveFailed(ILogger logger, Exception failure, string venue);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Fault injected on venue {Venue} from {At}: {Fault}")]
    public static partial void FaultInjected(ILogger logger, string venue, DateTimeOffset at, string fault);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Venues resume from their saved state in {VenueDirectory} (last saved at {At})")]
    public static partial void Restored(ILogger logger, string venueDirectory, DateTimeOffset at);
}
