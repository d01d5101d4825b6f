using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary><c>dotnet format --verify-no-changes</c> in Lint, over the solution, with a JSON report.</summary>
public sealed record DotnetFormatSettings : ToolSettings
{
    /// <summary>The solution or project checked.</summary>
    public string Target { get; internal init; } = "";

    /// <summary>Where the report goes (<c>--report</c>).</summary>
    public string ReportDirectory { get; internal init; } = "";

    /// <summary>Only these folders and files, relative to the root (<c>--include</c>), when the result cache holds the rest; empty: everything.</summary>
    public IReadOnlyList<string> Include { get; internal init; } = [];

    /// <inheritdoc />
    public override string Tool => "dotnet format";

    internal override IReadOnlyList<string> RenderArguments() =>
        Include.Count == 0 ? DotnetCli.Format(Target, ReportDirectory) : [.. DotnetCli.Format(Target, ReportDirectory), "--include", .. Include];
}
