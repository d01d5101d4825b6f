namespace Tollgate.Tools.Trx;

/// <summary>One test case of a TRX file.</summary>
/// <param name="Name">The test's full name.</param>
/// <param name="Outcome">Passed, Failed, NotExecuted, …, as TRX says.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Message">The failure message, if it failed.</param>
/// <param name="StackTop">The first line of the stack trace, if it failed.</param>
internal sealed record TrxTestCase(string Name, string Outcome, TimeSpan Duration, string? Message, string? StackTop);

/// <summary>What a TRX file says of a test run.</summary>
internal sealed record TrxResults(IReadOnlyList<TrxTestCase> Tests, TimeSpan Duration)
{
    /// <summary>Tests that passed.</summary>
    public int Passed => Tests.Count(t => t.Outcome == "Passed");

    /// <summary>Tests that failed, errored, timed out or aborted.</summary>
    public int Failed => Tests.Count(t => t.Outcome is "Failed" or "Error" or "Timeout" or "Aborted");

    /// <summary>Tests not executed (skipped) or inconclusive.</summary>
    public int Skipped => Tests.Count - Passed - Failed;
}
