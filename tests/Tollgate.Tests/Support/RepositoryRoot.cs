namespace Tollgate.Tests.Support;

/// <summary>The Tollgate repository these tests were built from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string TollgateAssembly => typeof(TollgateBuild).Assembly.Location;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Tollgate.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Tollgate.slnx above {AppContext.BaseDirectory}.");
    }
}
