using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary><c>dotnet format --verify-no-changes</c> in Lint, over the solution, with a JSON report.</summary>
public sealed record DotnetFormatSettings : ToolSettings
{
    /// <summary>The solution or project checked.</summary>
    public string Target { get; internal init; } = "";

    /// <summary>Where the report goes (<c>--report</c>).</summary>
    public string ReportDirectory { get; internal init; } = "";

    /// <inheritdoc />
    public override string Tool => "dotnet format";

    internal override IReadOnlyList<string> RenderArguments() => DotnetCli.Format(Target, ReportDirectory);
}
