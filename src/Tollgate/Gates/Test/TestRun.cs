namespace Tollgate.Gates.Test;

/// <summary>One test run Tollgate makes: a test project for one of its target frameworks, with its settings decided (the build's hook applied).</summary>
/// <param name="Settings">The run's settings, from which its command line is rendered.</param>
internal sealed record TestRun(DotnetTestSettings Settings)
{
    /// <summary>The project's full path.</summary>
    public string Project => Settings.Project;

    /// <summary>The target framework.</summary>
    public string Framework => Settings.Framework;
}
