using System.Globalization;

namespace FundingArb.Actors.Pairs;

/// One leg of a pair in one stage, written in the journal as "entry-long", "rollback-short", ...: which venue it trades
/// (the long venue or the short one) and what for.
public readonly record struct LegId(LegStage Stage, bool IsLong)
{
    public static LegId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var stage = dash < 0 ? null : StageOf(text[..dash]);
        var side = dash < 0 ? null : text[(dash + 1)..];
        return stage is { } parsed && side is "long" or "short"
            ? new LegId(parsed, side == "long")
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a leg: expected entry, complete, rollback or exit, a dash, then long or short."));
    }

    public override string ToString() => $"{TextOf(Stage)}-{(IsLong ? "long" : "short")}";

    private static string TextOf(LegStage stage) => stage switch
    {
        LegStage.Entry => "entry",
        LegStage.Complete => "complete",
        LegStage.Rollback => "rollback",
        _ => "exit",
    };

    private static LegStage? StageOf(string text) => text switch
    {
        "entry" => LegStage.Entry,
        "complete" => LegStage.Complete,
        "rollback" => LegStage.Rollback,
        "exit" => LegStage.Exit,
        _ => null,
    };
}
