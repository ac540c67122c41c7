namespace FundingArb.Exchange.Tests.Okx;

/// A failure guard for awaits on real sockets, scaled by FUNDINGARB_TEST_TIMEFACTOR; never a wait for an outcome.
internal static class Deadline
{
    public static CancellationToken Seconds(double seconds)
    {
        var factor = double.TryParse(Environment.GetEnvironmentVariable("FUNDINGARB_TEST_TIMEFACTOR"), System.Globalization.CultureInfo.InvariantCulture,
            out var parsed) && parsed > 0 ? parsed : 1d;
        return new CancellationTokenSource(TimeSpan.FromSeconds(seconds * factor)).Token;
    }
}
