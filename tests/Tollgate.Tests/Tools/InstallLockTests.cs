using Tollgate.IO;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Tools;

public sealed class InstallLockTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_second_installer_waits_until_the_first_lets_go()
    {
        var first = await InstallLock.AcquireAsync(root.Path, CancellationToken.None);
        var second = InstallLock.AcquireAsync(root.Path, CancellationToken.None);

        await Task.Delay(500);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Waiting_for_the_lock_stops_when_cancelled()
    {
        using var first = await InstallLock.AcquireAsync(root.Path, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => InstallLock.AcquireAsync(root.Path, cancel.Token));
    }
}
