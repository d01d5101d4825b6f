using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

public sealed class MutationBuild : TollgateBuild, IMutation, IUseSharedTools;

/// <summary>The Mutation gate with real Stryker.NET on the sample's good and weak suites, and incrementally.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class MutationTests
{
    [Fact]
    public async Task A_good_suite_passes_and_a_weak_one_fails_listing_its_survivors()
    {
        using var good = new SampleRepository();
        var compiled = await HostRun.RunAsync<MutationBuild>(good.Root, ["Compile"]);
        Assert.True(compiled.ExitCode == ExitCodes.Success, compiled.Output + compiled.Error);
        var assembly = Path.Combine(good.Root, "src", "Sample", "obj", "Release", "net10.0", "Sample.dll");
        var built = File.GetLastWriteTimeUtc(assembly);

        var passed = await HostRun.RunAsync<MutationBuild>(good.Root, ["Mutation"]);

        Assert.True(passed.ExitCode == ExitCodes.Success, passed.Output + passed.Error);
        // Stryker's project analysis and its own build found the run's build up to date: nothing was compiled again.
        Assert.Equal(built, File.GetLastWriteTimeUtc(assembly));
        var gate = Gate.Read(good.Evidence, "Mutation");
        gate.AssertStatus("passed");
        Assert.True(gate.Metric("score").GetDouble() >= 70);
        Assert.True(File.Exists(Path.Combine(good.Evidence, "reports", "mutation", "Sample.html")));

        using var weak = new SampleRepository("mutation-weak");
        var failed = await HostRun.RunAsync<MutationBuild>(weak.Root, ["Mutation"]);

        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        var low = Gate.Read(weak.Evidence, "Mutation");
        low.AssertStatus("failed");
        Assert.Matches(@"^mutation score [\d.]+ % \(\d+/\d+\) is below 70 %", low.Reasons[0]);
        var survivors = low.Findings.Where(f => f.GetProperty("kind").GetString() == "survived").ToList();
        Assert.NotEmpty(survivors);
        Assert.All(survivors, s => Assert.Contains(" → ", s.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Contains(survivors, s => s.GetProperty("file").GetString() == "src/Sample/Application/PricingService.cs");
    }

    [Fact]
    public async Task An_incremental_run_mutates_only_the_file_changed_since_the_ref()
    {
        using var repository = new SampleRepository();
        await Git(repository.Root, "init", "--quiet", "--initial-branch", "main");
        await Git(repository.Root, "add", "--all");
        await Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "sample");
        repository.Write("src/Sample/Domain/Money.cs", repository.Read("src/Sample/Domain/Money.cs").Replace(
            "public Money Times(int quantity)", "public bool IsZero => Amount == 0m;\n\n    public Money Times(int quantity)", StringComparison.Ordinal));
        await Git(repository.Root, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-am", "IsZero");

        var run = await HostRun.RunAsync<MutationBuild>(repository.Root, ["Mutation", "--mutation-since", "HEAD~1", "--mutation-empty-scope-allowed"]);

        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.Failure, run.Output + run.Error);
        var gate = Gate.Read(repository.Evidence, "Mutation");
        Assert.True(gate.Status is "passed" or "failed", $"Stryker did not finish: {gate.Said}");
        Assert.Equal(1, gate.Metric("incremental").GetDouble());
        Assert.Contains("(incremental since HEAD~1)", gate.Headline, StringComparison.Ordinal);
        Assert.True(gate.Metric("valid").GetDouble() > 0);
        Assert.True(gate.Metric("ignored").GetDouble() > 0, "code that did not change is not mutated");
        Assert.All(gate.Findings, f => Assert.Equal("src/Sample/Domain/Money.cs", f.GetProperty("file").GetString()));
    }

    private static async Task Git(string directory, params string[] args)
    {
        var result = await Shell.RunAsync(directory, "git", args);
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
