using Tollgate.Engine;
using Tollgate.Tools;

namespace Tollgate.Tests.Tools;

[Trait("Category", "Integration")]
public class ProcessRunnerTests
{
    private static (ProcessRunner Runner, StringWriter Output, SecretMasker Masker) Runner(Verbosity verbosity = Verbosity.Verbose)
    {
        var output = new StringWriter();
        var masker = new SecretMasker();
        return (new ProcessRunner(new BuildLog(output, output, verbosity, masker)), output, masker);
    }

    [Fact]
    public async Task Passes_arguments_as_words_and_captures_output_and_exit_code()
    {
        var (runner, _, _) = Runner();

        var result = await runner.RunAsync(new ProcessSpec("sh", ["-c", "printf '%s|' \"$@\"; echo oops >&2; exit 3", "sh", "a b", "c;d"], "/"), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("a b|c;d|", result.Output.Trim());
        Assert.Equal("oops", result.Error.Trim());
    }

    [Fact]
    public async Task Secrets_are_masked_in_captured_and_echoed_output()
    {
        var (runner, output, masker) = Runner();
        masker.Add("hunter2-secret");

        var result = await runner.RunAsync(new ProcessSpec("echo", ["key=hunter2-secret"], "/"), CancellationToken.None);

        Assert.Equal("key=***", result.Output.Trim());
        Assert.DoesNotContain("hunter2-secret", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_out_kills_the_process_and_says_so()
    {
        var (runner, _, _) = Runner();

        var result = await runner.RunAsync(new ProcessSpec("sleep", ["30"], "/", TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.True(result.Duration < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        var (runner, _, _) = Runner();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(new ProcessSpec("sleep", ["30"], "/"), cancellation.Token));
    }

    [Fact]
    public async Task A_missing_program_is_an_error_with_the_install_hint()
    {
        var (runner, _, _) = Runner();

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            runner.RunAsync(new ProcessSpec("tollgate-no-such-tool", [], "/", InstallHint: "apt-get install it"), CancellationToken.None));

        Assert.Equal("'tollgate-no-such-tool' is not installed or not on PATH. apt-get install it", error.Message);
    }

    [Fact]
    public void The_command_line_is_quoted_for_reading()
    {
        Assert.Equal("dotnet test 'a b' --logger 'trx;LogFileName=x.trx'", new ProcessSpec("dotnet", ["test", "a b", "--logger", "trx;LogFileName=x.trx"], "/").CommandLine);
    }
}
