using DHub.Tests.Faults;
using Npgsql;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// An ACCESS EXCLUSIVE lock on one table of the fixture, held in an open transaction on a connection
/// of its own, as a seed holds the demo tables: every reader of the table waits until the transaction
/// commits (<see cref="CommitAsync"/>) or is rolled back (on dispose).
/// </summary>
public sealed class HeldTableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _table;
    private bool _committed;

    private HeldTableLock(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<HeldTableLock> TakeAsync(LocalAppFixture fixture, string database, string table)
    {
        var connection = await fixture.OpenAsync(database);
        try
        {
            var held = new HeldTableLock(connection, await connection.BeginTransactionAsync(Token), $"public.\"{table}\"");
            await held.ExecuteAsync($"LOCK TABLE {held._table} IN ACCESS EXCLUSIVE MODE");
            return held;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> in the transaction that holds the lock: what others see only after the commit.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync(Token);
    }

    /// <summary>Returns once another session waits for this lock, so a test knows its reader is blocked.</summary>
    public Task WaitForWaiterAsync() =>
        FaultSupport.WaitUntilAsync(async () =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = '{_table}'::regclass AND NOT granted)", _connection, _transaction);
            return (bool)(await command.ExecuteScalarAsync(Token))!;
        }, TimeSpan.FromSeconds(30), $"a session to wait for the lock on {_table}", TimeSpan.FromMilliseconds(50));

    public async Task CommitAsync()
    {
        await _transaction.CommitAsync(Token);
        _committed = true;
    }

    /// <summary>Releases the lock, even when the test was cancelled: the other tests share the fixture.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _transaction.RollbackAsync(CancellationToken.None);
        }

        await _connection.DisposeAsync();
    }
}
