namespace FundingArb.Node.Tests;

/// The clone the tests run from, found by its solution file above the test binaries.
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FundingArb.Actors.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no FundingArb.Actors.sln above {AppContext.BaseDirectory}");
    }
}
