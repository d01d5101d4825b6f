using System.Net;

namespace Tollgate.Tests.Support;

/// <summary>An HTTP server on 127.0.0.1 for tests: a free port, a unique path prefix, one handler for every request.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, string, Task> handle;
    private readonly Task serving;

    /// <param name="handle">Answers a request; gets the path below the prefix (e.g. <c>v3/index.json</c>).</param>
    public LoopbackHttpServer(Func<HttpListenerContext, string, Task> handle)
    {
        this.handle = handle;
        Port = FreePort.Next();

        Prefix = $"http://127.0.0.1:{Port}/{Guid.NewGuid():N}/";
        listener.Prefixes.Add(Prefix);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The base URL, ending in a slash.</summary>
    public string Prefix { get; }

    /// <summary>How many requests arrived.</summary>
    public int Requests { get; private set; }

    public void Dispose()
    {
        // Close alone: on Linux, Stop gives the port up and a later Close binds it again to remove the prefix, which fails
        // ("Address already in use") when a test running beside has been given that port in between.
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // closed under a pending request
        }
    }

    private async Task ServeAsync()
    {
        var prefixPath = new Uri(Prefix).AbsolutePath;
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Requests++;
            try
            {
                await handle(context, context.Request.Url!.AbsolutePath[prefixPath.Length..]);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }
}
