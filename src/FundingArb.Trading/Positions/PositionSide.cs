using System.Diagnostics.CodeAnalysis;

namespace FundingArb.Trading.Positions;

[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and Short are the trading terms, not the integer types.")]
public enum PositionSide
{
    Long,
    Short,
}
