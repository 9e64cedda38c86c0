using System.Security.Cryptography;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// The init scripts create <c>dhub_reader</c> (SELECT only, read-only sessions) without a
/// password. A service that runs user SQL gives it a fresh random password at start and then
/// connects as that role, so user SQL never runs with the owner's privileges.
/// </summary>
public static class ReaderRole
{
    public const string Name = "dhub_reader";

    public static async Task<DatabaseConnections> EnableAsync(DatabaseConnections owner, CancellationToken cancellationToken)
    {
        // Letters and digits only, generated here: safe to splice into ALTER ROLE, which takes no parameters.
        var password = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        await using var command = owner.For(DemoDatabases.Employees).CreateCommand($"ALTER ROLE {Name} LOGIN PASSWORD '{password}'");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return owner.As(Name, password);
    }
}
