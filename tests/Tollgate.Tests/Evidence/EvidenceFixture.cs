using Tollgate.Evidence;

namespace Tollgate.Tests.Evidence;

internal static class EvidenceFixture
{
    public static RunRecord Run(string outcome = "failed", DateTimeOffset? startedAt = null, double duration = 1.5) => new(
        "1.2.3",
        new RepositoryRecord("sample", "https://example.invalid/sample.git"),
        "0123456789abcdef0123456789abcdef01234567",
        null,
        new CiHostRecord("local", new Dictionary<string, string>()),
        startedAt ?? new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        duration,
        ["Ci"],
        outcome,
        null,
        [new ParameterRecord("threshold", "70", "default", false, false), new ParameterRecord("api-key", null, "environment variable API_KEY", true, true)],
        [new TargetRecord("Lint", "failed", 1, "2 violations", "2 violations")]);

    public static GateResult Gate(string name, GateStatus status) => new(
        name, status, status == GateStatus.Passed ? "ok" : "2 violations", status == GateStatus.Passed ? [] : ["2 violations"],
        new Dictionary<string, double> { ["zeta"] = 2, ["alpha"] = 1 },
        new Dictionary<string, double> { ["violations"] = 0 },
        new Dictionary<string, string> { ["dotnet-format"] = "10.0.401" },
        [new Finding("violation", "Fix formatting", "src/A.cs", 12, "WHITESPACE")]);

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
