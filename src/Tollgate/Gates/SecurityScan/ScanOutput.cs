namespace Tollgate.Gates.SecurityScan;

/// <summary>What one scanner gives the gate: how it ran, its findings, and the reports (name and text) that go into evidence.</summary>
internal sealed record ScanOutput(ScannerRun Run, IReadOnlyList<Finding> Findings, IReadOnlyList<(string Name, string Text)> Reports)
{
    /// <summary>A scanner that did not get to scan.</summary>
    public static ScanOutput NotRun(string scanner, ScannerState state, string message, string? version = null) =>
        new(new ScannerRun(scanner, state, version, message), [], []);
}
