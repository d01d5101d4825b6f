using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

/// <summary>
/// Mutation with real Stryker.NET on the sample, several times against one result cache: unchanged, every file's mutants
/// are reused and Stryker does not run; one source file changed, only its mutants are tested again and the score equals a
/// <c>--no-cache</c> run's; a test file changed, the mutants its tests cover are tested again.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(CacheRunsCollection))]
public sealed class MutationReuseTests
{
    private const string Money = "src/Sample/Domain/Money.cs";

    [Fact]
    public async Task Only_the_mutants_of_what_changed_are_tested_again_and_the_score_stays_whole()
    {
        using var repository = new SampleRepository();
        using var cache = new TempDirectory(withNuke: false);
        // A test file of Money's own beside the pricing tests, so a change to it concerns Money's mutants alone.
        repository.Write("tests/Sample.Tests/MoneyTests.cs", """
            using Sample.Domain;
            using Xunit;

            namespace Sample.Tests;

            public class MoneyTests
            {
                [Fact]
                public void Times_multiplies() => Assert.Equal(new Money(6m, "EUR"), new Money(2m, "EUR").Times(3));
            }
            """);
        async Task<Gate> MutateAsync(params string[] extra)
        {
            var run = await HostRun.RunAsync<MutationBuild>(repository.Root, ["Mutation", "--cache", "read-write", "--cache-directory", cache.Path, "--explain-cache", "--mutation-additional-timeout", "30000", .. extra]);
            var gate = Gate.Read(repository.Evidence, "Mutation");
            gate.AssertStatus("passed");
            Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
            return gate;
        }

        var cold = await MutateAsync();
        Assert.Empty(cold.Reused);
        Assert.Contains(cold.Commands, c => c.Contains("stryker", StringComparison.OrdinalIgnoreCase));
        var files = Directory.GetFiles(Path.Combine(repository.Root, "src", "Sample"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Tollgate.IO.PortablePath.Relative(repository.Root, f)).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Money, Mutants(repository).Select(m => m.File));

        // Unchanged: every file's mutants come from the cache; Stryker does not run; the same figures.
        var warm = await MutateAsync();
        Assert.Equal(cold.Metric("score").GetDouble(), warm.Metric("score").GetDouble());
        Assert.Equal(cold.Metric("valid").GetDouble(), warm.Metric("valid").GetDouble());
        Assert.Equal(files, warm.Reused.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(warm.Commands, c => c.Contains("stryker", StringComparison.OrdinalIgnoreCase));
        Assert.Matches(@"\(\d+ reused from [^)]+\)$", warm.Headline);

        // One source file changed: only its mutants are tested again; the score is a full run's.
        repository.Write(Money, repository.Read(Money).Replace(
            "public Money Times(int quantity)", "public bool IsZero => Amount == 0m;\n\n    public Money Times(int quantity)", StringComparison.Ordinal));
        var changed = await MutateAsync();
        Assert.Equal(files.Where(f => f != Money), changed.Reused.Order(StringComparer.Ordinal));
        var changedMutants = Mutants(repository);
        var full = await MutateAsync("--no-cache");
        Assert.Empty(full.Reused);
        Assert.Equal(full.Metric("score").GetDouble(), changed.Metric("score").GetDouble());
        Assert.Equal(full.Metric("valid").GetDouble(), changed.Metric("valid").GetDouble());
        Assert.Equal(Mutants(repository), changedMutants);

        // A test file changed: the mutants its tests cover (Money's) are tested again.
        await MutateAsync(); // stores the changed Money.cs
        repository.Write("tests/Sample.Tests/MoneyTests.cs", repository.Read("tests/Sample.Tests/MoneyTests.cs").Replace(
            "    [Fact]\n    public void Times_multiplies()", "    [Fact]\n    public void Zero_is_zero() => Assert.True(Money.Zero(\"EUR\").IsZero);\n\n    [Fact]\n    public void Times_multiplies()", StringComparison.Ordinal));
        var retested = await MutateAsync();
        Assert.DoesNotContain(Money, retested.Reused);
        Assert.NotEmpty(retested.Reused);
        Assert.True(retested.Metric("score").GetDouble() > changed.Metric("score").GetDouble(), $"the new test kills IsZero's mutants: {changed.Headline} → {retested.Headline}");

        // A release: every file is mutated again, whatever the cache holds.
        var git = await GitRepository.InitAsync(repository.Root);
        repository.Write(".gitignore", "bin/\nobj/\nartifacts/\n.nuke/temp/\n");
        await git.CommitAsync("release");
        await git.TagAsync("v1.0.0");
        var release = await MutateAsync();
        Assert.Empty(release.Reused);
        Assert.Equal(retested.Metric("score").GetDouble(), release.Metric("score").GetDouble());
    }

    // Every mutant of the bundle's report: file, line, mutator, replacement and whether it was detected.
    private static List<(string File, int Line, string Mutator, string Replacement, bool Detected)> Mutants(SampleRepository repository) =>
        [.. Tollgate.Tools.Stryker.MutationReportReader.Read(Path.Combine(repository.Evidence, "reports", "mutation", "Sample.json"))
            .Select(m => (Tollgate.IO.PortablePath.Relative(repository.Root, m.File), m.Line, m.Mutator, m.Replacement, m.Status is "Killed" or "Timeout"))
            .OrderBy(m => m.Item1, StringComparer.Ordinal).ThenBy(m => m.Line).ThenBy(m => m.Mutator, StringComparer.Ordinal).ThenBy(m => m.Replacement, StringComparer.Ordinal)];
}
