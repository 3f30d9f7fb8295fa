using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ashyq.Cli.Tests.Durability;

/// <summary>
/// <c>ashyq serve</c> as a real, separate process (<c>dotnet ashyq.dll --db … serve --port 0</c>, on 127.0.0.1),
/// started from the test's bin folder and killed with SIGKILL: no shutdown code of the server runs.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private ServerProcess(Process process, ConcurrentQueue<string> log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server wrote (its standard output and error), for a failure's message.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public static string AshyqDll => Path.Combine(AppContext.BaseDirectory, "ashyq.dll");

    /// <summary>
    /// Starts the server on a port the system picks and waits until <c>/health</c> answers: for as long as the
    /// process lives and <paramref name="ct"/> (the test's own limit) allows, with no fixed cliff of its own — a loaded
    /// machine only makes the start slower, a server that dies or logs an error fails at once.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string db, CancellationToken ct)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { AshyqDll, "--db", db, "serve", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        // `serve` does not pass its arguments to the host's configuration; the environment does reach it.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var log = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            log.Enqueue(line);
            while (log.Count > 200 && log.TryDequeue(out _))
            {
            }

            if (ServingLine().Match(line) is { Success: true } m)
            {
                ready.TrySetResult(new Uri(m.Groups["url"].Value + "/"));
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data is null ? null : "[stderr] " + e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The server exited before serving."));
        if (!process.Start())
        {
            throw new InvalidOperationException("The server process did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Uri address;
        try
        {
            address = await ready.Task.WaitAsync(ct);
        }
        catch (Exception e)
        {
            Kill(process);
            throw new InvalidOperationException($"The server did not start: {e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, log)}", e);
        }

        var server = new ServerProcess(process, log, address);
        try
        {
            await server.WaitHealthyAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// SIGKILL, the whole process tree, at once; waits until the process is gone. Returns its exit code
    /// (137 = 128 + SIGKILL on Linux).
    /// </summary>
    public async Task<int> KillAsync()
    {
        Kill(_process);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!HasExited)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested && !HasExited)
            {
                // One request that took longer than the client's timeout (a loaded machine; the server still
                // compiling its first answer): asked again while the server lives.
            }

            if (HasExited)
            {
                throw new InvalidOperationException($"The server at {Address} exited before /health answered.{Environment.NewLine}{Log}");
            }

            await Task.Delay(50, ct);
        }
    }

    /// <summary>The <c>dotnet</c> host that runs this test (set by <c>dotnet test</c>), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }

    [GeneratedRegex(@"Ashyq is serving .* at (?<url>http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ServingLine();
}
