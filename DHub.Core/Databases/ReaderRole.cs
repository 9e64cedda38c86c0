using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// The init scripts create <c>dhub_reader</c> (SELECT only, read-only sessions) without a
/// password. A service that runs user SQL gives it a password at start and then connects as that
/// role, so user SQL never runs with the owner's privileges.
/// </summary>
/// <remarks>
/// The password is derived from the owner's credentials, not drawn at random: every process that
/// connects as the owner (a second API, a restarted one) sets the same one, so none of them locks
/// out the reader connections another one pools. Whoever can derive it could set any password as
/// the owner anyway.
/// </remarks>
public static class ReaderRole
{
    public const string Name = "dhub_reader";

    public static async Task<DatabaseConnections> EnableAsync(DatabaseConnections owner, CancellationToken cancellationToken)
    {
        var password = PasswordFor(owner.OwnerConnectionString);
        // Hex digits only: safe to splice into ALTER ROLE, which takes no parameters.
        await using var command = owner.For(DemoDatabases.Employees).CreateCommand($"ALTER ROLE {Name} LOGIN PASSWORD '{password}'");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return owner.As(Name, password);
    }

    /// <summary>The reader's password for the server and owner of <paramref name="ownerConnectionString"/>.</summary>
    public static string PasswordFor(string ownerConnectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var key = Encoding.UTF8.GetBytes(owner.Password ?? "");
        var subject = Encoding.UTF8.GetBytes($"{Name}|{owner.Host}|{owner.Port}|{owner.Username}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, subject));
    }
}
