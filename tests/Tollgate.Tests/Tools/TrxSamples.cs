namespace Tollgate.Tests.Tools;

/// <summary>TRX files written from the TeamTest 2010 schema, as dotnet test's trx logger emits them.</summary>
internal static class TrxSamples
{
    public static string Run(params (string Name, string Outcome, string? Message)[] tests)
    {
        var results = string.Join("\n", tests.Select((t, i) => $"""
            <UnitTestResult executionId="e{i}" testId="t{i}" testName="{t.Name}" computerName="ci" duration="00:00:00.0150000" startTime="2026-11-22T08:00:00.000+00:00" endTime="2026-11-22T08:00:00.015+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="{t.Outcome}" testListId="8c84fa94">
              {(t.Message is null ? "" : $"<Output><ErrorInfo><Message>{t.Message}</Message><StackTrace>   at Sample.Tests.{t.Name}() in /src/Tests.cs:line 12\n   at System.Reflection.Invoke()</StackTrace></ErrorInfo></Output>")}
            </UnitTestResult>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="r1" name="ci 2026-11-22" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Times creation="2026-11-22T08:00:00.000+00:00" queuing="2026-11-22T08:00:00.000+00:00" start="2026-11-22T08:00:00.000+00:00" finish="2026-11-22T08:00:02.500+00:00" />
              <Results>
            {results}
              </Results>
              <ResultSummary outcome="Completed"><Counters total="{tests.Length}" executed="{tests.Length}" /></ResultSummary>
            </TestRun>
            """;
    }
}
