namespace Astropal.Tests.TestSupport;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Astropal.sln, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Astropal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Astropal.sln not found above {AppContext.BaseDirectory}.");
    }
}
