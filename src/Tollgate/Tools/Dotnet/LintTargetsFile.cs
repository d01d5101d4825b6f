using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// <c>Tollgate.Lint.targets</c> (shipped in <c>shared-targets/msbuild/</c>, embedded here): imported into every
/// project of the build through <c>CustomAfterMicrosoftCommonTargets</c> so the compiler writes a SARIF log.
/// </summary>
public static class LintTargetsFile
{
    /// <summary>The file name.</summary>
    public const string FileName = "Tollgate.Lint.targets";

    /// <summary>The compiler log each project gets, beside its intermediate assembly.</summary>
    public const string SarifFileName = "tollgate-lint.sarif";

    /// <summary>Writes the targets into <paramref name="directory"/> (when they differ) and returns the path.</summary>
    public static string WriteTo(string directory)
    {
        using var stream = typeof(LintTargetsFile).Assembly.GetManifestResourceStream("Tollgate.Tools.Dotnet.Tollgate.Lint.targets")
            ?? throw new InvalidOperationException("Tollgate.Lint.targets is not embedded in the Tollgate assembly.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            AtomicFile.Write(path, text);
        }

        return path;
    }

    /// <summary>The compiler logs of a project built in <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<string> LogsOf(string project, string configuration)
    {
        var directory = Path.Combine(Path.GetDirectoryName(project)!, "obj", configuration);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, SarifFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
