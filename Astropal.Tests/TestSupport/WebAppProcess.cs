using System.Diagnostics;
using System.Text;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// The real app (<c>Astropal.Web.dll</c> from the test output) in a child process, configured by environment
/// variables, so that a test can kill it as an operator or the kernel would (SIGKILL: no shutdown, no finally).
/// </summary>
internal sealed class WebAppProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WebAppProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything the app wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public static WebAppProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Astropal.Web.dll");
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet, [app, "--urls", "http://127.0.0.1:0", "--contentRoot", AppContext.BaseDirectory])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Astropal.Web.");
        var started = new WebAppProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>
    /// Runs one command of the executable (<c>Astropal.Web.dll restore --file F</c>) in a child process, as an operator
    /// would on the server, and returns its exit code and output. The process has no web host running.
    /// </summary>
    public static async Task<CliResult> RunCommandAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Astropal.Web.dll");
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet, [app, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Astropal.Web.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Kills the process at once (SIGKILL on Linux) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
