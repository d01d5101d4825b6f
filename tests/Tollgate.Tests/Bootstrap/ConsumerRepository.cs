using Tollgate.Tests.Support;

namespace Tollgate.Tests.Bootstrap;

/// <summary>
/// A consuming repository laid out as adopters lay it out: build.sh and global.json from Tollgate,
/// .nuke/, and build/ with its own _build.csproj and Build.cs referencing the Tollgate assembly.
/// </summary>
internal sealed class ConsumerRepository : IDisposable
{
    public const string BuildSource = """
        using Tollgate;
        using Tollgate.Engine;

        internal sealed class Build : TollgateBuild
        {
            public static int Main(string[] args) => Execute<Build>(args, x => x.Hello);

            [Parameter("Who to greet")]
            public readonly string Name = "world";

            public Target Hello => _ => _.Description("Say hello").Executes(context => context.Log.Always($"hello {Name}"));

            public Target Sleep => _ => _.Executes(async context =>
            {
                context.Log.Always("sleeping");
                await Task.Delay(TimeSpan.FromMinutes(2), context.Cancellation);
            });

            public Target Cleanup => _ => _.AssuredAfterFailure().After(Sleep).Executes(context => context.Log.Always("cleaned up"));
        }
        """;

    private readonly TempDirectory directory = new();

    public ConsumerRepository()
    {
        File.Copy(Path.Combine(RepositoryRoot.Path, "build.sh"), Path.Combine(Root, "build.sh"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(Root, "global.json"));
        directory.Write("build/_build.csproj", BuildProjectFile.Text($"<Reference Include=\"Tollgate\"><HintPath>{RepositoryRoot.TollgateAssembly}</HintPath></Reference>"));
        directory.Write("build/Build.cs", BuildSource);
    }

    public string Root => directory.Path;

    public string BuildOutput => Path.Combine(Root, ".nuke", "temp", "build-bin", "_build.dll");

    public void Write(string relative, string text) => directory.Write(relative, text);

    public Task<Shell> RunAsync(params string[] args) => Shell.RunAsync(Root, "bash", ["build.sh", .. args]);

    public void Dispose() => directory.Dispose();
}
