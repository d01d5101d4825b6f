using Tollgate.Tests.Support;
using Tollgate.Tools.Trx;

namespace Tollgate.Tests.Tools;

public class TrxReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Counts_outcomes_and_keeps_failure_message_and_stack_top()
    {
        var path = root.Write("r.trx", TrxSamples.Run(("A", "Passed", null), ("B", "Failed", "expected 2 but was 3"), ("C", "NotExecuted", null), ("D", "Passed", null)));

        var results = TrxReader.Read(path);

        Assert.Equal((2, 1, 1), (results.Passed, results.Failed, results.Skipped));
        var failure = results.Tests.Single(t => t.Outcome == "Failed");
        Assert.Equal("expected 2 but was 3", failure.Message);
        Assert.Equal("at Sample.Tests.B() in /src/Tests.cs:line 12", failure.StackTop);
        Assert.Equal(TimeSpan.FromSeconds(2.5), results.Duration);
    }

    [Fact]
    public void A_run_without_results_has_no_tests()
    {
        var results = TrxReader.Read(root.Write("r.trx", TrxSamples.Run()));

        Assert.Empty(results.Tests);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<coverage />")]
    public void A_file_that_is_not_trx_is_invalid_data(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => TrxReader.Read(root.Write("r.trx", text)));

        Assert.Contains("is not a TRX file", error.Message, StringComparison.Ordinal);
    }
}
