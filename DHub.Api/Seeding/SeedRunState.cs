using DHub.Core.Seeding;

namespace DHub.Api.Seeding;

public enum SeedRunStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>The live view of one background run; updated from the pipeline's progress reports.</summary>
public sealed class SeedRunState(Guid id, SeedOptions options, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();

    public Guid Id { get; } = id;

    public SeedOptions Options { get; } = options;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public SeedRunStatus Status { get; private set; } = SeedRunStatus.Running;

    public int Phase { get; private set; }

    public string? PhaseName { get; private set; }

    public string? LastTable { get; private set; }

    public int TablesLoaded { get; private set; }

    public long RowsLoaded { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public bool IsActive => Status == SeedRunStatus.Running;

    public void Report(SeedProgress progress)
    {
        lock (_gate)
        {
            Phase = progress.Phase;
            PhaseName = progress.PhaseName;
            if (progress.Step == SeedStep.TableLoaded)
            {
                LastTable = $"{progress.Database}.{progress.Table}";
                TablesLoaded++;
                RowsLoaded += progress.Rows;
            }
        }
    }

    public void Succeed(DateTimeOffset at)
    {
        lock (_gate)
        {
            Status = SeedRunStatus.Succeeded;
            FinishedAt = at;
        }
    }

    public void Fail(string error, DateTimeOffset at)
    {
        lock (_gate)
        {
            Status = SeedRunStatus.Failed;
            Error = error;
            FinishedAt = at;
        }
    }
}
