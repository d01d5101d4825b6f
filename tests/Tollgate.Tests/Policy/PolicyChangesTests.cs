using System.Text.RegularExpressions;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Policy;

/// <summary>Policy/changes.json is the true history of Policy/defaults.json, and the CHANGELOG tells each of its changes.</summary>
public sealed partial class PolicyChangesTests
{
    private static string Defaults => Path.Combine(RepositoryRoot.Path, "src", "Tollgate", "Policy", "defaults.json");

    [Fact]
    public void The_changes_replayed_from_nothing_give_the_defaults_of_this_version()
    {
        var replayed = PolicyChanges.Replay(PolicyChanges.All);

        Assert.Equal(PolicyChanges.Flatten(File.ReadAllText(Defaults)), replayed);
    }

    [Fact]
    public async Task Every_state_defaults_json_had_in_git_is_the_replay_of_a_prefix_of_the_changes()
    {
        var log = await Shell.RunAsync(RepositoryRoot.Path, "git", ["log", "--format=%H", "--", "src/Tollgate/Policy/defaults.json"]);
        Assert.True(log.ExitCode == 0, log.Error);
        var commits = log.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var prefixes = Enumerable.Range(0, PolicyChanges.All.Count + 1).Select(n => PolicyChanges.Replay(PolicyChanges.All.Take(n))).ToList();

        foreach (var commit in commits) // a shallow clone holds fewer: each one it holds is checked
        {
            var shown = await Shell.RunAsync(RepositoryRoot.Path, "git", ["show", $"{commit}:src/Tollgate/Policy/defaults.json"]);
            Assert.True(shown.ExitCode == 0, shown.Error);
            var state = PolicyChanges.Flatten(shown.Output);
            Assert.True(prefixes.Any(p => p.SequenceEqual(state)), $"defaults.json at {commit[..12]} is no prefix of Policy/changes.json: {string.Join(", ", state.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
    }

    [Fact]
    public void Versions_only_grow_and_none_is_beyond_the_version_this_repository_builds()
    {
        var versions = PolicyChanges.All.Select(c => Version.Parse(c.Version)).ToList();
        var declared = Version.Parse(DeclaredVersion().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))).Groups[1].Value);

        Assert.Equal(versions.Order(), versions);
        Assert.True(versions.Max() <= declared, $"changes.json names {versions.Max()}, Directory.Build.props declares {declared}");
        Assert.All(PolicyChanges.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Why), c.Key));
    }

    [Fact]
    public void The_changelog_has_a_section_per_version_naming_each_of_its_policy_changes()
    {
        var changelog = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "CHANGELOG.md"));

        foreach (var group in PolicyChanges.All.GroupBy(c => c.Version))
        {
            var heading = changelog.IndexOf($"## [{group.Key}]", StringComparison.Ordinal);
            Assert.True(heading >= 0, $"CHANGELOG.md has no section ## [{group.Key}]");
            var next = changelog.IndexOf("\n## [", heading + 1, StringComparison.Ordinal);
            var section = next < 0 ? changelog[heading..] : changelog[heading..next];
            Assert.All(group, c => Assert.Contains($"`{c.Key}`", section, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Moving_between_versions_gets_the_changes_after_the_one_and_up_to_the_other()
    {
        Assert.Equal(["tools.coverlet.MTP", "tools.Microsoft.Testing.Extensions.TrxReport", "test.hangTimeout", "tools.Microsoft.Testing.Extensions.HangDump", "mutation.cacheDays", "security.auditCacheHours"],
            PolicyChanges.Between("0.1.0", "0.2.0").Select(c => c.Key));
        Assert.Empty(PolicyChanges.Between("0.2.0", "0.2.0-alpha.0.7"));
        Assert.Equal(PolicyChanges.All.Count, PolicyChanges.Between("0.0.9", "0.2.0").Count);
        var change = PolicyChanges.Load("""{ "changes": [ { "version": "1.0.0", "key": "a", "new": 1, "why": "x" }, { "version": "1.1.0", "key": "a", "new": 2, "why": "y" } ] }""")[1];
        Assert.Equal(("1", "2"), (change.Old, change.New));
    }

    [GeneratedRegex(@"<Version>(\d+\.\d+\.\d+)</Version>")]
    private static partial Regex DeclaredVersion();
}
