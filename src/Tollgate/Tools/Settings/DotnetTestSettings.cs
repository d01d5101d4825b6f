namespace Tollgate;

/// <summary><c>dotnet test</c> in Test, once per test project and framework (and a Microsoft.Testing.Platform test application run itself).</summary>
public sealed record DotnetTestSettings : ToolSettings
{
    /// <summary>A VSTest filter, <c>--filter</c> (e.g. <c>Category!=Slow</c>).</summary>
    public string? Filter { get; init; }

    /// <summary>The hang timeout of this build's test runs, over <c>--test-hang-timeout</c> (e.g. <c>5m</c>): VSTest's <c>--blame-hang-timeout</c>, the hang extension's <c>--hangdump-timeout</c>.</summary>
    public string? BlameHangTimeout { get; init; }

    /// <inheritdoc />
    public override string Tool => "dotnet test";

    internal override IEnumerable<string> TypedArguments =>
        [.. Filter is null ? [] : new[] { "--filter", Filter }, .. BlameHangTimeout is null ? [] : new[] { "--blame-hang-timeout", BlameHangTimeout }];

    // dotnet test, and a Microsoft.Testing.Platform test application Tollgate runs itself (dotnet exec), as dotnet test would.
    internal override bool AppliesTo(ProcessSpec spec) => IsDotnet(spec, "test") || IsDotnet(spec, "exec");
}
