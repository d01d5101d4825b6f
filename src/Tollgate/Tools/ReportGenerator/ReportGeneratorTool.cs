namespace Tollgate.Tools.ReportGenerator;

/// <summary>ReportGenerator (<c>dotnet-reportgenerator-globaltool</c>): merges coverage files into one Cobertura file, a JSON and a Markdown summary and an HTML report (index.html).</summary>
internal static class ReportGeneratorTool
{
    /// <summary>The NuGet package.</summary>
    public const string Package = "dotnet-reportgenerator-globaltool";

    /// <summary>The command it installs.</summary>
    public const string Command = "reportgenerator";

    /// <summary>The merged Cobertura file it writes.</summary>
    public const string CoberturaFile = "Cobertura.xml";

    /// <summary>The JSON summary it writes.</summary>
    public const string SummaryFile = "Summary.json";

    /// <summary>The Markdown summary it writes.</summary>
    public const string MarkdownFile = "SummaryGithub.md";

    /// <summary>
    /// The arguments. Settings take the form <c>-name:value</c>; filters are <c>+Include;-Exclude</c>.
    /// Tollgate sets no ReportGenerator threshold: the verdict is computed from the merged Cobertura counts.
    /// </summary>
    public static IReadOnlyList<string> Arguments(
        IReadOnlyList<string> reports, string targetDirectory, IReadOnlyList<string> assemblyFilters, IReadOnlyList<string> fileFilters)
    {
        var arguments = new List<string>
        {
            $"-reports:{string.Join(';', reports)}",
            $"-targetdir:{targetDirectory}",
            "-reporttypes:Cobertura;JsonSummary;MarkdownSummaryGithub;HtmlInline",
            "-verbosity:Warning",
        };
        if (assemblyFilters.Count > 0)
        {
            arguments.Add($"-assemblyfilters:{string.Join(';', assemblyFilters)}");
        }

        if (fileFilters.Count > 0)
        {
            arguments.Add($"-filefilters:{string.Join(';', fileFilters)}");
        }

        return arguments;
    }
}
