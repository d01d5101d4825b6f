using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>
/// A consuming repository adopts Tollgate from a package feed, runs the gates as separate processes, and
/// picks up a new default threshold by changing nothing but the package version.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(PipelineRunsCollection))]
public sealed class AdoptionTests(AdoptionTests.Feed feed) : IClassFixture<AdoptionTests.Feed>
{
    /// <summary>
    /// Tollgate packed once for both tests (a pack compiles all of Tollgate): at a first version, and at a second whose
    /// only change is a stricter default coverage threshold.
    /// </summary>
    public sealed class Feed : IAsyncLifetime
    {
        private static readonly string Stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

        internal PackageFeed Packages { get; } = new();

        public string First { get; } = $"0.0.1-e2e.{Stamp}";

        public string Second { get; } = $"0.0.2-e2e.{Stamp}";

        public async Task InitializeAsync()
        {
            await Packages.PackAsync(First);
            await Packages.PackAsync(Second, defaults => defaults["coverage"]!["line"] = 99);
        }

        public Task DisposeAsync()
        {
            Packages.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string BuildCs = """
        using Tollgate;

        internal sealed class Build : TollgateBuild, ILint, ICoverage, IVerify
        {
            public static int Main(string[] args) => Execute<Build>(args, x => ((ITest)x).Test);
        }
        """;

    [Fact]
    public async Task A_repository_adopts_the_package_and_a_version_bump_brings_new_defaults()
    {
        string first = feed.First, second = feed.Second;
        using var repository = new SampleRepository();
        Directory.CreateDirectory(Path.Combine(repository.Root, ".nuke"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "build.sh"), Path.Combine(repository.Root, "build.sh"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(repository.Root, "global.json"));
        UseFeed(repository, feed.Packages);
        repository.Write("build/Build.cs", BuildCs);
        repository.Write("build/_build.csproj", Project(first));

        // Each gate a process of its own, as a developer or a CI step runs it (the other test runs Test alone).
        var lint = await RunAsync(repository, "Lint");
        Assert.True(lint.ExitCode == 0, lint.Output + lint.Error);
        Assert.Equal("passed", Gate.Read(repository.Evidence, "Lint").Status);
        Assert.Equal(first, Manifest(repository)["tollgateVersion"]!.GetValue<string>());

        var coverage = await RunAsync(repository, "Coverage");
        Assert.True(coverage.ExitCode == 0, coverage.Output + coverage.Error);
        Assert.Equal("5 passed, 0 failed", Gate.Read(repository.Evidence, "Test").Headline);
        var passed = Gate.Read(repository.Evidence, "Coverage");
        passed.AssertStatus("passed");
        Assert.Equal(70, passed.Thresholds.GetProperty("line").GetDouble());

        // The platform team's bump: only the version changes in the repository.
        repository.Write("build/_build.csproj", Project(second));
        var bumped = await RunAsync(repository, "Coverage");

        Assert.Equal(1, bumped.ExitCode);
        Assert.Equal(second, Manifest(repository)["tollgateVersion"]!.GetValue<string>());
        var held = Gate.Read(repository.Evidence, "Coverage");
        held.AssertStatus("failed");
        Assert.Equal(99, held.Thresholds.GetProperty("line").GetDouble());
        Assert.EndsWith("is below 99 %", held.Reasons[0], StringComparison.Ordinal);
        var threshold = Manifest(repository)["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "coverage-threshold")!;
        Assert.Equal(("99", false), (threshold["value"]!.GetValue<string>(), threshold["overridden"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task One_command_adopts_tollgate_in_a_repository_and_its_test_command_then_passes()
    {
        var version = feed.First;
        using var repository = new SampleRepository();
        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(repository.Root, "global.json"));
        UseFeed(repository, feed.Packages);
        repository.Write(".gitignore", "bin/\nobj/\nbuild/\n");
        var git = await GitRepository.InitAsync(repository.Root);
        await git.CommitAsync("sample");

        var init = await Shell.RunAsync(repository.Root, "dotnet", ["tool", "execute", $"Tollgate.Init@{version}", "--source", feed.Packages.Path], TimeSpan.FromMinutes(5));

        Assert.True(init.ExitCode == 0, init.Output + init.Error);
        Assert.Contains($"Adopting Tollgate {version} in", init.Output, StringComparison.Ordinal);
        Assert.Contains("Next: ./build.sh Test", init.Output, StringComparison.Ordinal);
        Assert.Contains("!build/", repository.Read(".gitignore"), StringComparison.Ordinal);
        var test = await RunAsync(repository, "Test");
        Assert.True(test.ExitCode == 0, test.Output + test.Error);
        Assert.Equal("Test: 5 passed, 0 failed", test.Output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(version, Manifest(repository)["tollgateVersion"]!.GetValue<string>());
    }

    private static void UseFeed(SampleRepository repository, PackageFeed feed) => repository.Write("NuGet.config", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="tollgate-e2e" value="{feed.Path}" />
          </packageSources>
        </configuration>
        """);

    private static string Project(string version) => BuildProjectFile.Text($"<PackageReference Include=\"Tollgate\" Version=\"{version}\" />");

    private static Task<Shell> RunAsync(SampleRepository repository, string target) =>
        Shell.RunAsync(repository.Root, "bash", ["build.sh", target], TimeSpan.FromMinutes(10));

    private static JsonObject Manifest(SampleRepository repository) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(repository.Evidence, "manifest.json")))!.AsObject();
}
