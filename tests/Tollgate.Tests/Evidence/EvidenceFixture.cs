using Tollgate.Evidence;

namespace Tollgate.Tests.Evidence;

internal static class EvidenceFixture
{
    public static RunRecord Run(string outcome = "failed", DateTimeOffset? startedAt = null, double duration = 1.5) => new RunRecord
    {
        TollgateVersion = "1.2.3",
        Repository = new RepositoryRecord { Name = "sample", Remote = "https://example.invalid/sample.git" },
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Version = null,
        CiHost = new CiHostRecord { Name = "local", Details = new Dictionary<string, string>() },
        StartedAt = startedAt ?? new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        DurationSeconds = duration,
        Requested = ["Ci"],
        Outcome = outcome,
        Error = null,
        Parameters = [new ParameterRecord { Name = "threshold", Value = "70", Source = "default", Overridden = false, Secret = false }, new ParameterRecord
        {
            Name = "api-key",
            Value = null,
            Source = "environment variable API_KEY",
            Overridden = true,
            Secret = true,
        }],
        Targets = [new TargetRecord { Name = "Lint", Status = "failed", DurationSeconds = 1, Reason = "2 violations", Headline = "2 violations" }],
    };

    public static GateResult Gate(string name, GateStatus status) => new(
        name, status, status == GateStatus.Passed ? "ok" : "2 violations", status == GateStatus.Passed ? [] : ["2 violations"],
        new Dictionary<string, double> { ["zeta"] = 2, ["alpha"] = 1 },
        new Dictionary<string, double> { ["violations"] = 0 },
        new Dictionary<string, string> { ["dotnet-format"] = "10.0.401" },
        [new Finding { Kind = "violation", Message = "Fix formatting", File = "src/A.cs", Line = 12, Rule = "WHITESPACE" }]);

    public static Manifest Write(string directory, RunRecord? run = null, params GateResult[] gates) => Write(directory, run, null, gates);

    public static Manifest Write(string directory, RunRecord? run, EvidenceKey? key, params GateResult[] gates)
    {
        var bundle = new BundleWriter(directory);
        foreach (var gate in gates.Length == 0 ? [Gate("Lint", GateStatus.Failed), Gate("Test", GateStatus.Passed)] : gates)
        {
            bundle.RecordGate(gate, TimeSpan.FromSeconds(2));
        }

        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xml");
        File.WriteAllText(report, "<report />");
        bundle.AddReport("Lint", report, "format.xml");
        File.Delete(report);
        return EvidenceWriter.Write(bundle, run ?? Run(), signingKey: key);
    }
}
