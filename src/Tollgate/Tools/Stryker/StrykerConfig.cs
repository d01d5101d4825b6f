using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Tools.Stryker;

/// <summary>
/// The Stryker run Tollgate asks for, written as a <c>stryker-config.json</c> of its own (some settings,
/// such as the additional timeout, exist only in the file).
/// </summary>
/// <param name="Project">The project to mutate (file name).</param>
/// <param name="TestProjects">The test projects that test it (full paths).</param>
/// <param name="Configuration">Build configuration.</param>
/// <param name="Concurrency">Test runners in parallel.</param>
/// <param name="AdditionalTimeoutMilliseconds">Added to each mutant's time budget.</param>
/// <param name="BreakAt">Stryker exits 2 below this score; Tollgate computes its own verdict.</param>
/// <param name="Mutate">Glob patterns of files to mutate (Stryker's <c>mutate</c>); empty: all.</param>
/// <param name="Since">Mutate only code changed since this git ref; null: everything.</param>
/// <param name="TestCaseFilter">A VSTest filter for the tests Stryker runs; null: all.</param>
/// <param name="TargetFramework">The framework to build and test in (Stryker's <c>target-framework</c>); null: Stryker's choice.</param>
/// <param name="Solution">Solution mode: the solution whose test projects Stryker runs and whose projects they reach it mutates, in one analysis; <see cref="Project"/> and <see cref="TestProjects"/> are then not used.</param>
/// <param name="TestingPlatform">Run the tests with Stryker's Microsoft.Testing.Platform runner (<c>test-runner: mtp</c>) instead of VSTest.</param>
internal sealed record StrykerConfig(
    string Project,
    IReadOnlyList<string> TestProjects,
    string Configuration,
    int Concurrency,
    int AdditionalTimeoutMilliseconds,
    double BreakAt,
    IReadOnlyList<string> Mutate,
    string? Since,
    string? TestCaseFilter,
    string? TargetFramework = null,
    string? Solution = null,
    bool TestingPlatform = false)
{
    /// <summary>Stryker's name of its Microsoft.Testing.Platform test runner.</summary>
    public const string TestingPlatformRunner = "mtp";

    /// <summary>Writes the file.</summary>
    public void Write(string path)
    {
        var config = new Dictionary<string, object>
        {
            ["configuration"] = Configuration,
            ["concurrency"] = Concurrency,
            ["additional-timeout"] = AdditionalTimeoutMilliseconds,
            ["reporters"] = new[] { "json", "html", "progress" },
            ["verbosity"] = "debug", // each finished test run is a line: Tollgate follows the progress from it
            ["thresholds"] = new { high = Math.Min(100, Math.Max(80, (int)Math.Ceiling(BreakAt))), low = (int)Math.Floor(BreakAt), @break = (int)Math.Floor(BreakAt) },
        };
        if (Solution is null)
        {
            config["project"] = Project;
            config["test-projects"] = TestProjects;
        }
        else
        {
            config["solution"] = Solution;
        }

        if (Mutate.Count > 0)
        {
            config["mutate"] = Mutate;
        }

        if (Since is not null)
        {
            config["since"] = new { enabled = true, target = Since };
        }

        if (TestCaseFilter is not null)
        {
            config["test-case-filter"] = TestCaseFilter;
        }

        if (TargetFramework is not null)
        {
            config["target-framework"] = TargetFramework;
        }

        if (TestingPlatform)
        {
            config["test-runner"] = TestingPlatformRunner;
        }

        AtomicFile.Write(path, JsonSerializer.Serialize(new Dictionary<string, object> { ["stryker-config"] = config }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
