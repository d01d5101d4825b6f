namespace Tollgate;

/// <summary>Stryker.NET (<c>dotnet-stryker</c>) in Mutation, every run of it.</summary>
public sealed record StrykerSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "dotnet-stryker";

    internal override bool AppliesTo(ProcessSpec spec) => IsProgram(spec, "dotnet-stryker");
}
