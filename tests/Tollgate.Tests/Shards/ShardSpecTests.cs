using Tollgate.Ci;
using Tollgate.Gates.Shards;

namespace Tollgate.Tests.Shards;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("12/12", 12, 12)]
    public void I_of_n_reads_as_a_one_based_shard(string text, int index, int total)
    {
        Assert.Equal(new ShardSpec(index, total), ShardSpec.Parse(text));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("1/0")]
    public void Anything_else_is_an_error_naming_the_value_and_the_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));

        Assert.Equal($"--shard '{text}' is not a shard: write i/N with 1 ≤ i ≤ N, e.g. 2/3 for the second of three agents.", error.Message);
    }

    [Theory]
    [InlineData("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3", "2/3")]                               // GitLab parallel:, 1-based
    [InlineData("SYSTEM_JOBPOSITIONINPHASE", "1", "SYSTEM_TOTALJOBSINPHASE", "4", "1/4")]         // Azure strategy: parallel, 1-based
    [InlineData("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "2", "1/2")]                       // CircleCI, 0-based
    [InlineData("BUILDKITE_PARALLEL_JOB", "4", "BUILDKITE_PARALLEL_JOB_COUNT", "5", "5/5")]      // Buildkite, 0-based
    public void Each_host_s_parallel_job_variables_give_the_shard(string index, string i, string total, string n, string expected)
    {
        var detected = CiShard.Detect(new Dictionary<string, string> { [index] = i, [total] = n });

        Assert.Equal((expected, $"{index}/{total}"), detected);
        Assert.Equal(expected, ShardSpec.Parse(detected!.Value.Shard).ToString());
    }

    [Fact]
    public void Without_a_host_s_variables_there_is_no_shard()
    {
        Assert.Null(CiShard.Detect(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }));
    }
}
