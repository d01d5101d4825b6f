namespace Tollgate.Engine;

/// <summary>Prints <c>--plan</c>: the targets in the order they would run.</summary>
internal static class PlanPrinter
{
    /// <summary>Prints the plan.</summary>
    public static void Print(BuildLog log, ExecutionPlan plan)
    {
        log.Always("Execution plan:");
        var position = 0;
        foreach (var planned in plan.Targets)
        {
            var notes = new List<string>();
            if (planned.Invoked)
            {
                notes.Add("requested");
            }

            if (planned.Target.IsCollective)
            {
                notes.Add("collective");
            }

            if (planned.Target.ProceedsAfterFailure)
            {
                notes.Add("proceeds after failure");
            }

            if (planned.Target.IsAssured)
            {
                notes.Add("assured");
            }

            if (planned.SkipReason is not null)
            {
                notes.Add("skipped: " + planned.SkipReason);
            }

            var suffix = notes.Count == 0 ? "" : $"  ({string.Join(", ", notes)})";
            log.Always($"  {++position,2}. {planned.Target.Name}{suffix}");
        }
    }
}
