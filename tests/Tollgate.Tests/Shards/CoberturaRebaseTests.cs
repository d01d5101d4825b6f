using Tollgate.Tests.Support;
using Tollgate.Tools.Cobertura;

namespace Tollgate.Tests.Shards;

/// <summary>A shard's Cobertura from another checkout path is moved to this checkout's, so one file is one file in the merge.</summary>
public sealed class CoberturaRebaseTests : IDisposable
{
    private readonly TempDirectory root = new(withNuke: false);

    public void Dispose() => root.Dispose();

    [Fact]
    public void Paths_of_another_checkout_become_this_checkout_s_by_their_longest_existing_tail()
    {
        root.Write("src/Lib/Domain/Money.cs", "class Money { }\n");
        root.Write("other/Domain/Money.cs", "class Other { }\n");
        var shard = root.Write("shard.xml", """
            <coverage><sources><source>/home/agent-7/work/repo/src/Lib/</source></sources><packages><package name="Lib"><classes>
            <class name="Money" filename="/home/agent-7/work/repo/src/Lib/Domain/Money.cs"><lines><line number="1" hits="2" /></lines></class>
            <class name="Gone" filename="/home/agent-7/work/repo/src/Lib/Gone.cs"><lines><line number="1" hits="0" /></lines></class>
            </classes></package></packages></coverage>
            """);
        var target = Path.Combine(root.Path, "out", "coverage.cobertura.xml");

        CoberturaRebase.Copy(shard, target, root.Path);

        var text = File.ReadAllText(target);
        Assert.Contains($"filename=\"{Path.Combine(root.Path, "src/Lib/Domain/Money.cs")}\"", text, StringComparison.Ordinal);
        Assert.Contains($"<source>{Path.Combine(root.Path, "src/Lib")}/</source>", text, StringComparison.Ordinal);
        Assert.Contains("filename=\"/home/agent-7/work/repo/src/Lib/Gone.cs\"", text, StringComparison.Ordinal); // names nothing here: left as it was
        Assert.Null(CoberturaRebase.Rebased("relative/Money.cs", root.Path));
    }
}
