using Tollgate.Ci;
using Tollgate.Evidence;
using Tollgate.Gates.Review;

namespace Tollgate;

/// <summary>
/// What a pull request did to every gate: coverage of the lines it added or changed (from this run's merged Cobertura
/// and <c>git diff</c> from the merge base), the problems the target branch's bundle does not have, and every figure's
/// delta — as <c>pr-report.md</c> (a comment body), host summaries and annotations on changed lines, and the
/// PullRequest gate. Runs on a pull request build, or when a base is named.
/// </summary>
public interface IPullRequestReport : ITollgateBuild
{
    /// <summary>The target branch's bundle.</summary>
    [Parameter("The target branch's evidence bundle (its directory or manifest.json) to compare with (default: artifacts/base-evidence, where the CI templates put the target branch's latest bundle)")]
    AbsolutePath? BaseEvidence => this.ValueOf(() => BaseEvidence, null);

    /// <summary>What the change is diffed against.</summary>
    [Parameter("The branch or commit the change is compared with (default: the pull request's target branch as origin/<branch>, else the base bundle's commit)")]
    string? BaseRef => this.ValueOf(() => BaseRef, null);

    /// <summary>The bar for the changed lines.</summary>
    [Parameter("Minimum coverage of the changed, coverable lines of a pull request, in percent")]
    [Bounds(0, 100)]
    double CoverageChangedThreshold => this.ValueOf(() => CoverageChangedThreshold, PolicyDefaults.Current.CoverageChangedLines);

    /// <summary>Whether new problems fail the PullRequest gate.</summary>
    [Parameter("Fail the PullRequest gate when this change brings problems the base bundle does not have (lint, architecture, security, undetected mutants); they are reported either way")]
    bool FailOnNewOnly => this.ValueOf(() => FailOnNewOnly, false);

    /// <summary>Where the CI templates put the target branch's bundle.</summary>
    AbsolutePath DefaultBaseEvidence => ArtifactsDirectory / "base-evidence";

    /// <summary>Reports what this change did.</summary>
    Target PullRequestReport => _ => _
        .Description("Report what this pull request did: coverage of the changed lines, new problems, deltas against the target branch's bundle (pr-report.md)")
        .TryAfter<ILint>(x => x.Lint)
        .TryAfter<ICoverage>(x => x.Coverage)
        .TryAfter<IMutation>(x => x.Mutation)
        .TryAfter<IArchitectureTests>(x => x.ArchitectureTests)
        .TryAfter<ISecurityScan>(x => x.SecurityScan)
        .ProceedAfterFailure()
        .OnlyWhen(() => !CheckedShard.IsSplit, "the run is not split over shards")
        .OnlyWhen(
            () => PullRequest.TargetRef(EnvironmentVariables) is not null || this.Read(() => BaseEvidence) is not null || this.Read(() => BaseRef) is not null,
            "a pull request build, or --base-ref / --base-evidence given")
        .Executes(context => GateTarget.RunAsync(this, context, PullRequestGate.Name, async () =>
        {
            var given = this.Read(() => BaseEvidence);
            var inputs = new PullRequestInputs
            {
                Root = RootDirectory,
                Commit = (await GitFactsAsync(context.Cancellation).ConfigureAwait(false)).Commit,
                // where Coverage wrote it, a build's override included
                Cobertura = ((this as ICoverage)?.CoverageReportDirectory ?? ArtifactsDirectory / "coverage") / Tools.ReportGenerator.ReportGeneratorTool.CoberturaFile,
                BaseEvidence = given ?? DefaultBaseEvidence,
                BaseEvidenceGiven = given is not null,
                BaseRef = this.Read(() => BaseRef) ?? PullRequest.TargetRef(EnvironmentVariables),
                ChangedLinesThreshold = this.Read(() => CoverageChangedThreshold),
                FailOnNew = this.Read(() => FailOnNewOnly),
                Gates = RunEvidence.Gates.Select(g => g.Result).Where(g => g.Gate != PullRequestGate.Name).ToList(),
            };
            return await new PullRequestStep(ProcessRunner, RunEvidence, context.Log.Info, context.Log.Warn).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
        }));

    /// <summary>The token that posts the comment.</summary>
    [Parameter("A token that may comment on the pull request: GitHub's GITHUB_TOKEN (permissions: pull-requests: write), or a GitLab project or personal access token with the api scope")]
    [Secret]
    string? PullRequestToken => this.ValueOf(() => PullRequestToken, null);

    /// <summary>Which host's API the comment goes to.</summary>
    [Parameter("Where to post the pull request's comment: github or gitlab (default: the CI host the run is on)")]
    string? PullRequestHost => this.ValueOf(() => PullRequestHost, null);

    /// <summary>The host's REST API.</summary>
    [Parameter("The REST API the comment is posted to (default: GITHUB_API_URL or https://api.github.com; GitLab: CI_API_V4_URL)")]
    string? PullRequestApiUrl => this.ValueOf(() => PullRequestApiUrl, null);

    /// <summary>The repository or project.</summary>
    [Parameter("The repository (GitHub: owner/name, default GITHUB_REPOSITORY) or project (GitLab: id or path, default CI_PROJECT_ID) of the pull request")]
    string? PullRequestRepository => this.ValueOf(() => PullRequestRepository, null);

    /// <summary>The pull request's number.</summary>
    [Parameter("The pull request's number (GitLab: the merge request's iid; default: what the CI host says)")]
    string? PullRequestNumber => this.ValueOf(() => PullRequestNumber, null);

    /// <summary>Posts the report as the pull request's comment.</summary>
    Target CommentOnPullRequest => _ => _
        .Description("Post pr-report.md as the pull request's comment (GitHub, GitLab), updating Tollgate's earlier comment instead of adding one")
        .TryAfter<ICi>(x => x.Ci)
        .After(PullRequestReport)
        .AssuredAfterFailure() // a failing pull request is the one whose comment matters most
        .LeavesEvidenceAlone()
        .Executes(async context =>
        {
            var ci = CiHost.Detect(EnvironmentVariables);
            CommentTarget target;
            try
            {
                target = CommentTargets.Resolve(
                    new CommentTargets.Given(
                        this.Read(() => PullRequestHost), this.Read(() => PullRequestApiUrl), this.Read(() => PullRequestRepository), this.Read(() => PullRequestNumber),
                        this.Read(() => PullRequestToken)),
                    ci.Name.ToString(),
                    ci.Name switch { CiHostName.GitHubActions => "github", CiHostName.GitLabCi => "gitlab", _ => null },
                    ci.Details.TryGetValue("pullRequest", out var number) ? number : null,
                    EnvironmentVariables,
                    $"{EvidenceDirectory.RelativeTo(RootDirectory)}/pr-report.md");
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException(exception.Message);
            }

            try
            {
                // The report of this run when it makes one (the bundle being written), else the last finished bundle's.
                var report = PlannedTargets.Contains(nameof(PullRequestReport)) ? Path.Combine(RunEvidence.Staging, PullRequestFiles.Report) : (string)(EvidenceDirectory / PullRequestFiles.Report);
                if (PlannedTargets.Contains(nameof(PullRequestReport)) && !File.Exists(report))
                {
                    throw new BuildException($"This run's PullRequestReport wrote no {PullRequestFiles.Report} (see its error above); nothing was posted, and no earlier run's report either.");
                }

                var posted = await PullRequestComment.PostAsync(report, target, context.Cancellation).ConfigureAwait(false);
                context.Log.Info(posted.Created ? $"Commented on pull request {target.Number} (comment {posted.Id})." : $"Updated Tollgate's comment {posted.Id} on pull request {target.Number}.");
            }
            catch (Exception exception) when (exception is InvalidDataException or HttpRequestException)
            {
                throw new BuildException(exception.Message);
            }
        });
}
