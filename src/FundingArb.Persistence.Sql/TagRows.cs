using System.Data.Common;

namespace FundingArb.Persistence.Sql;

/// <summary>Reads <c>(ordering_id, tag)</c> rows into each event's tags, keyed by its ordering.</summary>
internal static class TagRows
{
    public static async Task<Dictionary<long, List<string>>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<long, List<string>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var ordering = reader.GetInt64(0);
            if (!tags.TryGetValue(ordering, out var list))
            {
                tags[ordering] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return tags;
    }
}
