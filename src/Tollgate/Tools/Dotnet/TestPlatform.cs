namespace Tollgate.Tools.Dotnet;

/// <summary>The platform a test project's tests run on.</summary>
internal enum TestPlatform
{
    /// <summary>VSTest: <c>dotnet test</c> with loggers and data collectors (Microsoft.NET.Test.Sdk).</summary>
    VSTest,

    /// <summary>Microsoft.Testing.Platform: the test project is an application; extensions report TRX and coverage.</summary>
    TestingPlatform,
}
