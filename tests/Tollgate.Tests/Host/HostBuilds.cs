namespace Tollgate.Tests.Host;

/// <summary>A Tollgate build without tools: its targets only touch the evidence and the journal.</summary>
public sealed class HostBuild : TollgateBuild, IVerify
{
    [Parameter("Fail the Gate target")]
    public readonly bool Break;

    [Parameter("A token"), Secret]
    public readonly string? Token;

    [Parameter("Needed by Guarded")]
    public readonly string? Needed;

    [Parameter("A feed URL, which may hold credentials")]
    public readonly string? Feed;

    Target Echo => _ => _.Executes(context =>
    {
        context.Log.Always($"pushing to {Feed}");
        RunEvidence.WriteFile("feed.txt", $"pushed to {Feed}\n");
        return GateTarget.RunAsync(this, context, "Echo", () => Task.FromResult(SampleGate.Evaluate(false) with { Gate = "Echo", Headline = $"pushed to {Feed}" }));
    });

    Target Gate => _ => _
        .Description("A gate that passes unless --break")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.RunAsync(this, context, "Sample", () => Task.FromResult(SampleGate.Evaluate(Break))));

    Target Talk => _ => _.Executes(context => context.Log.Always($"the token is {Token}"));

    Target Guarded => _ => _.Requires(() => Needed != null).Executes(() => { });

    Target Unbuilt => _ => _.ProceedAfterFailure().Executes(context => GateTarget.RunAsync(this, context, "Unbuilt", () => throw new NullReferenceException("a report held a null")));

    Target Everything => _ => _.DependsOn(Gate, Unbuilt);
}

internal static class SampleGate
{
    public static Tollgate.Evidence.GateResult Evaluate(bool broken) => new(
        "Sample",
        broken ? Tollgate.GateStatus.Failed : Tollgate.GateStatus.Passed,
        broken ? "1 violation" : "0 violations",
        broken ? ["1 violation"] : [],
        new Dictionary<string, double> { ["violations"] = broken ? 1 : 0, ["checked"] = 3 },
        new Dictionary<string, double> { ["violations"] = 0 },
        new Dictionary<string, string> { ["sample-tool"] = "1.0.0" },
        broken ? [new Finding { Kind = "violation", Message = "bad thing", File = "src/A.cs", Line = 3, Rule = "R1" }] : []);
}
