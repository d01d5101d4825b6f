using Tollgate.Engine;
using Tollgate.Tools;

namespace Tollgate.Tests.Support;

/// <summary>
/// A process runner whose programs never start: each run is logged and recorded as a real one is, then answered by the
/// test (files written where the tool would write them, an exit code, output). Lets a step be driven without its tools.
/// </summary>
internal sealed class FakeTools
{
    private readonly List<ProcessSpec> runs = [];
    private readonly Func<ProcessSpec, (int ExitCode, string Output)> answer;

    public FakeTools(Func<ProcessSpec, (int ExitCode, string Output)> answer)
    {
        this.answer = answer;
        Runner = new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, new SecretMasker()), (spec, _) =>
        {
            lock (runs)
            {
                runs.Add(spec);
            }

            var (exitCode, output) = this.answer(spec);
            return Task.FromResult(new ProcessResult(spec, exitCode, output, "", TimeSpan.FromMilliseconds(1), TimedOut: false));
        });
    }

    /// <summary>git listing <paramref name="listed"/>, and Trivy 0.58.1 writing an empty report for every scan.</summary>
    public static FakeTools GitAndTrivy(params string[] listed) => new(spec =>
    {
        if (spec.FileName == "git")
        {
            return (0, string.Concat(listed.Select(f => f + "\n")));
        }

        if (spec.Arguments[0] == "version")
        {
            return (0, """{ "Version": "0.58.1" }""");
        }

        File.WriteAllText(After(spec, "--output"), """{ "SchemaVersion": 2, "Results": [] }""");
        return (0, "");
    });

    public ProcessRunner Runner { get; }

    /// <summary>Every run so far, in the order they started.</summary>
    public IReadOnlyList<ProcessSpec> Runs
    {
        get
        {
            lock (runs)
            {
                return [.. runs];
            }
        }
    }

    /// <summary>The word after <paramref name="option"/> in <paramref name="spec"/>'s arguments.</summary>
    public static string After(ProcessSpec spec, string option) =>
        spec.Arguments.SkipWhile(a => a != option).Skip(1).FirstOrDefault() ?? throw new InvalidOperationException($"{option} is not in {spec.CommandLine}");

    /// <summary>The value of a <c>-name:value</c> or <c>--name=value</c> word.</summary>
    public static string Valued(ProcessSpec spec, string prefix) =>
        spec.Arguments.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..] ?? throw new InvalidOperationException($"{prefix} is not in {spec.CommandLine}");

    /// <summary>Whether the words of <paramref name="sequence"/> follow each other in <paramref name="spec"/>'s arguments.</summary>
    public static bool Has(ProcessSpec spec, params string[] sequence) =>
        Enumerable.Range(0, Math.Max(0, spec.Arguments.Count - sequence.Length + 1)).Any(i => spec.Arguments.Skip(i).Take(sequence.Length).SequenceEqual(sequence));
}
