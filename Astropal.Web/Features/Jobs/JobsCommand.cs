using System.Globalization;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Jobs;

/// <summary>
/// <c>jobs list</c>, <c>jobs pause [--all | NAME] --reason TEXT</c>, <c>jobs resume [--all | NAME]</c>: the rollback
/// lever from the command line. The pause lands in the database, so the running instances stop at their next fire.
/// </summary>
internal sealed class JobsCommand(JobControl control, JobPauses pauses) : ICliCommand
{
    public string Name => "jobs";

    public string Synopsis => "jobs list | pause [--all | NAME] --reason TEXT | resume [--all | NAME]";

    public string Description => "Lists the scheduled jobs, pauses one or all of them (audited, survives restarts), or resumes them.";

    public bool AcceptsSubcommand => true;

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        switch (arguments.Subcommand)
        {
            case "list":
                arguments.EnsureAllUsed();
                await ListAsync(console, cancellationToken);
                return 0;
            case "pause":
            {
                var name = Target(arguments);
                var reason = arguments.Required("reason");
                arguments.EnsureAllUsed();
                return await ReportAsync(await pauses.PauseAsync(name, reason, AuditLog.CommandLineActor, cancellationToken), console);
            }

            case "resume":
            {
                var name = Target(arguments);
                arguments.EnsureAllUsed();
                return await ReportAsync(await pauses.ResumeAsync(name, AuditLog.CommandLineActor, cancellationToken), console);
            }

            case null:
                throw new CliUsageException("Say what to do: jobs list, jobs pause or jobs resume.");
            default:
                throw new CliUsageException($"Unknown jobs command '{arguments.Subcommand}'; use list, pause or resume.");
        }
    }

    /// <summary>The job named after the subcommand, or null for <c>--all</c>; exactly one of the two.</summary>
    private static string? Target(CliArguments arguments)
    {
        var all = arguments.Flag("all");
        var name = arguments.Positional();
        return (all, name) switch
        {
            (true, null) => null,
            (false, { } job) => job,
            (true, _) => throw new CliUsageException("Give either --all or a job name, not both."),
            _ => throw new CliUsageException($"Give --all or a job name ({JobCatalog.Names})."),
        };
    }

    private static async Task<int> ReportAsync(JobChangeResult result, CliConsole console)
    {
        if (!result.Succeeded)
        {
            await console.Error.WriteLineAsync(result.Message);
            return 1;
        }

        await console.Out.WriteLineAsync(result.Message);
        return 0;
    }

    private async Task ListAsync(CliConsole console, CancellationToken cancellationToken)
    {
        var jobs = await control.ListAsync(cancellationToken);
        var all = jobs.Select(j => j.Pause).FirstOrDefault(p => p?.JobKey == Data.JobPause.AllJobs);
        if (all is not null)
        {
            await console.Out.WriteLineAsync($"ALL JOBS PAUSED since {JobPauses.Format(all.PausedAt)} by {all.PausedBy}: {all.Reason}");
        }

        var width = jobs.Max(j => j.Job.Name.Length);
        foreach (var job in jobs)
        {
            var state = job.IsPaused ? "paused" : "active";
            var last = job.LastRun is { } run
                ? $"last {JobPauses.Format(run.LastStartedAt)} {run.LastOutcome}"
                  + (job.LastDuration is { } d ? $" in {d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "")
                : "never run";
            var parts = new List<string> { job.Job.Schedule, last };
            if (job.NextRunAt is { } next)
            {
                parts.Add($"next {JobPauses.Format(next)}");
            }

            if (job.Pause is { } pause && pause.JobKey != Data.JobPause.AllJobs)
            {
                parts.Add($"paused since {JobPauses.Format(pause.PausedAt)} by {pause.PausedBy}: {pause.Reason}");
            }

            await console.Out.WriteLineAsync($"{job.Job.Name.PadRight(width)}  {state}  {string.Join("; ", parts)}");
        }
    }
}
