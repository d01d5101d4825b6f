namespace Tollgate;

/// <summary>
/// A build author's change to how a tool is run: receives the settings the component built and returns
/// them changed, e.g. <c>Configure&lt;DotnetTestSettings&gt; ITest.TestSettings =&gt; s =&gt; s.AddArguments("--blame-hang-timeout", "5m");</c>
/// </summary>
public delegate T Configure<T>(T settings)
    where T : ToolSettings;
