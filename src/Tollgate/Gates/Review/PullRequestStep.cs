using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Git;

namespace Tollgate.Gates.Review;

/// <summary>What the pull request's report reads.</summary>
internal sealed record PullRequestInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>HEAD.</summary>
    public string? Commit { get; init; }

    /// <summary>This run's merged Cobertura file.</summary>
    public required string Cobertura { get; init; }

    /// <summary>The base bundle given (<c>--base-evidence</c>), or the default one found; null: none.</summary>
    public string? BaseEvidence { get; init; }

    /// <summary>Whether <see cref="BaseEvidence"/> was given (a default that is not there is "no base bundle").</summary>
    public bool BaseEvidenceGiven { get; init; }

    /// <summary>The ref to diff against (<c>--base-ref</c>, or the pull request's target branch); null: the base bundle's commit.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The bar for the changed lines, percent.</summary>
    public required double ChangedLinesThreshold { get; init; }

    /// <summary>Whether a new problem fails the gate.</summary>
    public bool FailOnNew { get; init; }

    /// <summary>This run's gate results.</summary>
    public required IReadOnlyList<GateResult> Gates { get; init; }
}

/// <summary>
/// The pull request's report from inputs to result: the base bundle (verified), the change (<c>git diff</c> from the merge
/// base), coverage of the changed lines, new problems, deltas; then <c>pr-report.md</c>, <c>pr-codequality.json</c> (new
/// problems only) and <c>reports/pullrequest/changed-lines.json</c> (what the host annotations are limited to).
/// </summary>
internal sealed class PullRequestStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, Action<string> warn)
{
    public async Task<GateResult> RunAsync(PullRequestInputs inputs, CancellationToken cancellation)
    {
        BaseBundle? baseline = null;
        string? noBase = null;
        if (inputs.BaseEvidence is null || (!inputs.BaseEvidenceGiven && !Directory.Exists(inputs.BaseEvidence)))
        {
            noBase = "no --base-evidence given, and none stored at the default place";
        }
        else
        {
            try
            {
                baseline = BaseBundle.Read(inputs.BaseEvidence);
            }
            catch (InvalidDataException exception)
            {
                noBase = exception.Message;
            }
        }

        if (noBase is not null)
        {
            warn($"No base bundle: {noBase}. The report shows coverage of the changed lines, but cannot tell new problems from old ones.");
        }

        var baseRef = inputs.BaseRef ?? baseline?.Commit
            ?? throw new InvalidDataException("Nothing to compare with: this is not a pull request build and no base bundle names a commit; give --base-ref <branch or commit> or --base-evidence <bundle>.");
        var mergeBase = await GitDiff.MergeBaseAsync(runner, inputs.Root, baseRef, cancellation).ConfigureAwait(false);
        var changes = await GitDiff.ChangesAsync(runner, inputs.Root, mergeBase, cancellation).ConfigureAwait(false);
        say($"Changes since {baseRef} ({mergeBase[..Math.Min(12, mergeBase.Length)]}): {changes.Count} file(s), {changes.Sum(c => c.Lines.Count)} added or changed line(s)");

        var coverage = File.Exists(inputs.Cobertura) ? ChangedLineCoverage.Of(changes, CoberturaLines.Read(inputs.Cobertura, inputs.Root)) : null;
        var problems = NewFindings.Problems(inputs.Gates.Select(g => (g.Gate, g.Findings)));
        var renames = changes.Where(c => c.OldPath is not null).ToDictionary(c => c.OldPath!, c => c.Path, StringComparer.Ordinal);
        var changedLines = changes.ToDictionary(c => c.Path, c => c.Lines, StringComparer.Ordinal);
        var fresh = baseline is null ? null : NewFindings.Of(
            problems, NewFindings.Problems(baseline.Gates.Values.Select(g => (g.Gate, g.Findings))), renames,
            (file, line) => changedLines.TryGetValue(file, out var lines) && lines.Contains(line));
        var now = inputs.Gates.ToDictionary(g => g.Gate, g => g.Metrics, StringComparer.Ordinal);
        var before = baseline?.Gates.ToDictionary(g => g.Key, g => g.Value.Metrics, StringComparer.Ordinal);
        var statuses = inputs.Gates.Where(g => g.Gate != PullRequestGate.Name)
            .Select(g => (g.Gate, g.Status.ToString().ToLowerInvariant(), baseline?.Gates.TryGetValue(g.Gate, out var old) == true ? old.Status.ToString().ToLowerInvariant() : null))
            .ToList();
        var report = new PullRequestReport(
            inputs.Commit, mergeBase, baseRef, baseline?.Commit, noBase, changes, coverage, inputs.ChangedLinesThreshold, statuses, problems, fresh, FigureDelta.Of(now, before));
        var result = PullRequestGate.Evaluate(report, inputs.FailOnNew, new Dictionary<string, string>());

        evidence.WriteFile(PullRequestFiles.Report, PullRequestMarkdown.Render(report, result));
        evidence.WriteFile(PullRequestFiles.CodeQuality, CodeQualityExporter.Render((fresh ?? []).GroupBy(f => f.Gate)
            .Select(g => new GateResult(g.Key, GateStatus.Passed, "", [], new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string>(), g.Select(f => f.Finding).ToList()))));
        evidence.WriteReport(PullRequestGate.Name, PullRequestFiles.ChangedLinesName, ChangedLines(changes));
        return result;
    }

    private static string ChangedLines(IReadOnlyList<ChangedFile> changes) => new JsonObject(changes
        .Where(c => c.Kind != ChangeKind.Deleted)
        .OrderBy(c => c.Path, StringComparer.Ordinal)
        .Select(c => KeyValuePair.Create(c.Path, (JsonNode?)new JsonArray(c.Lines.Order().Select(l => (JsonNode?)l).ToArray()))))
        .ToJsonString(EvidenceJson.Options) + "\n";
}
