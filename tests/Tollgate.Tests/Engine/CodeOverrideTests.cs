using System.Text.RegularExpressions;
using Tollgate.Engine;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Engine;

/// <summary>A build that lowers the coverage threshold in code, the way a build author would.</summary>
public sealed class LoweringBuild : TollgateBuild, ICoverage
{
    double ICoverage.CoverageThreshold => 50;
}

public sealed partial class CodeOverrideTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void A_value_set_in_code_is_used_and_recorded_as_code()
    {
        var (build, report) = Resolve([]);

        Assert.Equal(50, build.Read(() => ((ICoverage)build).CoverageThreshold));
        var threshold = report.Single(p => p.Descriptor.Name == "CoverageThreshold");
        Assert.Equal(ParameterSource.Code, threshold.Source);
        Assert.Equal("code", threshold.Origin);
        Assert.Equal(50d, threshold.Value);
        Assert.Equal(PolicyDefaults.Current.CoverageLine, threshold.DefaultValue);
        Assert.True(threshold.IsOverridden);
    }

    [Fact]
    public void The_command_line_still_overrides_a_value_set_in_code()
    {
        var (build, report) = Resolve(["--coverage-threshold", "90"]);

        Assert.Equal(90, build.Read(() => ((ICoverage)build).CoverageThreshold));
        var threshold = report.Single(p => p.Descriptor.Name == "CoverageThreshold");
        Assert.Equal(ParameterSource.CommandLine, threshold.Source);
        Assert.Equal(90d, threshold.Value);
    }

    [Fact]
    public void Parameters_the_build_does_not_override_stay_defaults()
    {
        var (_, report) = Resolve([]);

        var tolerance = report.Single(p => p.Descriptor.Name == "CoverageTolerance");
        Assert.Equal(ParameterSource.Default, tolerance.Source);
        Assert.False(tolerance.IsOverridden);
    }

    [Fact]
    public void Audit_flags_a_threshold_weakened_in_code()
    {
        var (_, report) = Resolve([]);
        var threshold = report.Single(p => p.Descriptor.Name == "CoverageThreshold");

        var record = new ParameterRecord
        {
            Name = threshold.Descriptor.KebabName,
            Value = ResolvedParameter.Format(threshold.Value, new AbsolutePath(root.Path)),
            Source = threshold.Origin,
            Overridden = threshold.IsOverridden,
            Secret = false,
        };

        Assert.True(PolicyWeakening.Weakens(record));
    }

    // Component code must read its parameters through Read (or ValueOf in the default itself): a bare read
    // would call the build's override and ignore the command line.
    [Fact]
    public void Component_code_reads_every_parameter_through_Read()
    {
        var components = Path.Combine(RepositoryRoot.Path, "src", "Tollgate", "Components");
        var parameters = ParameterDescriptor.Discover(typeof(AllComponentsBuild)).Where(d => d.IsComponentMember).Select(d => d.Name).ToList();
        var bare = new List<string>();
        var files = Directory.GetFiles(components, "I*.cs").Append(Path.Combine(components, "TollgateBuild.cs")).ToList();
        Assert.True(files.Count > 10, string.Join(", ", files));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = StringLiteral().Replace(lines[i], "\"\"");
                if (code.TrimStart().StartsWith("///", StringComparison.Ordinal) || code.TrimStart().StartsWith("using ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var name in parameters)
                {
                    foreach (Match match in Regex.Matches(code, $@"(?<![\.\w]){name}\b(?!\s*=>)(?!\s*=[^=])(?!\??\s+[A-Z]\w*\()"))
                    {
                        var before = code[..match.Index];
                        if (!before.EndsWith("() => ", StringComparison.Ordinal) && !before.EndsWith("nameof(", StringComparison.Ordinal))
                        {
                            bare.Add($"{Path.GetFileName(file)}:{i + 1}: {name}");
                        }
                    }
                }
            }
        }

        Assert.Empty(bare);
    }

    private (LoweringBuild Build, IReadOnlyList<ResolvedParameter> Report) Resolve(string[] args)
    {
        var build = new LoweringBuild();
        var descriptors = ParameterDescriptor.Discover(typeof(LoweringBuild));
        var defaults = ParameterValues.ReadDefaults(build, descriptors);
        var sources = ParameterSources.Load(CommandLine.Parse(args).Parameters, new Dictionary<string, string>(), new AbsolutePath(root.Path) / ".nuke", []);
        var values = ParameterValues.Resolve(descriptors, sources, new AbsolutePath(root.Path), new SecretMasker());
        values.Inject(build);
        build.Parameters = values;
        return (build, values.Report(build, defaults));
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}

public sealed class AllComponentsBuild : TollgateBuild, IStandardGates, IDeploy, IAudit, IGenerateCi, IVerify;
