namespace Tollgate.Evidence;

/// <summary>One test case for the JUnit rendering.</summary>
/// <param name="ClassName">The class (the test name up to its last dot).</param>
/// <param name="Name">The test (after the last dot).</param>
/// <param name="Seconds">Its duration.</param>
/// <param name="Outcome">passed, failed or skipped.</param>
/// <param name="Message">The failure message.</param>
/// <param name="Detail">The stack top.</param>
internal sealed record JUnitCase(string ClassName, string Name, double Seconds, string Outcome, string? Message, string? Detail);

/// <summary>One suite (a test project) for the JUnit rendering.</summary>
/// <param name="Name">The suite's name.</param>
/// <param name="Cases">Its test cases.</param>
/// <param name="Error">Set when the suite crashed without results.</param>
internal sealed record JUnitSuite(string Name, IReadOnlyList<JUnitCase> Cases, string? Error = null);
