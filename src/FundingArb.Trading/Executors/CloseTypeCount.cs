namespace FundingArb.Trading.Executors;

public readonly record struct CloseTypeCount(CloseType CloseType, int Count);
