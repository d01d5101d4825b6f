namespace Tollgate;

/// <summary>One unit of a gate whose result came from the result cache instead of a run: what it is, its key, and the commit and run that produced it.</summary>
public sealed record ReusedUnit
{
    /// <summary>The unit, e.g. <c>tests/A.Tests/A.Tests.csproj (net10.0)</c> or <c>src/A/Calc.cs</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Its key: the SHA-256 of everything its result depends on.</summary>
    public required string Key { get; init; }

    /// <summary>The commit whose run stored it (null outside git).</summary>
    public string? Commit { get; init; }

    /// <summary>The run that stored it: the CI host's build address or number, or <c>local</c>.</summary>
    public required string Run { get; init; }
}
