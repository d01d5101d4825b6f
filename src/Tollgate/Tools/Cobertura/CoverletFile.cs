namespace Tollgate.Tools.Cobertura;

/// <summary>
/// coverlet.MTP names its Cobertura file after the moment it wrote it (<c>coverage.cobertura.061226184957317.xml</c>);
/// each test run has a results directory of its own, so the file takes the name coverlet's VSTest collector gives it
/// and the Coverage gate finds both the same way.
/// </summary>
internal static class CoverletFile
{
    /// <summary>The file name coverlet's VSTest collector writes, and coverlet.MTP's file is given.</summary>
    public const string Name = "coverage.cobertura.xml";

    /// <summary>Renames the one timestamped Cobertura file in <paramref name="directory"/> to <see cref="Name"/>.</summary>
    public static void Normalise(string directory)
    {
        if (!Directory.Exists(directory) || File.Exists(Path.Combine(directory, Name)))
        {
            return;
        }

        var written = Directory.GetFiles(directory, "*coverage.cobertura*.xml", SearchOption.TopDirectoryOnly);
        if (written.Length == 1)
        {
            File.Move(written[0], Path.Combine(directory, Name));
        }
    }
}
