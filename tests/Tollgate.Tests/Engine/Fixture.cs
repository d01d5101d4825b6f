using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

internal static class Fixture
{
    public static BuildLog Log(StringWriter? output = null, Verbosity verbosity = Verbosity.Normal) =>
        new(output ?? new StringWriter(), output ?? new StringWriter(), verbosity, new SecretMasker());

    public static ExecutionPlan Plan(object build, params string[] targets) =>
        Planner.Plan(TargetRegistry.Discover(build), targets, null, null);

    public static async Task<IReadOnlyList<TargetResult>> RunAsync(object build, params string[] targets) =>
        await new Executor(Log()).RunAsync(Plan(build, targets), CancellationToken.None);

    public static TargetStatus StatusOf(this IReadOnlyList<TargetResult> results, string name) =>
        results.Single(r => r.Name == name).Status;
}
