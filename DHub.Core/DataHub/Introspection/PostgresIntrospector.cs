using System.Diagnostics;
using DHub.Core.Databases;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.DataHub.Introspection;

/// <summary>
/// Reads the technical metadata DataHub's postgres source ingests straight from pg_catalog: tables
/// and views with comments, columns in ordinal order with native types and nullability, primary keys
/// and foreign keys with their constraint names. Works for any database and schema of the server.
/// </summary>
public sealed partial class PostgresIntrospector(DatabaseConnections connections, ILogger<PostgresIntrospector> logger)
{
    public const string DefaultSchema = "public";

    // Tables (ordinary and partitioned, not partitions), views and materialized views.
    private const string RelationsSql =
        """
        SELECT c.relname, c.relkind::text, obj_description(c.oid, 'pg_class'),
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
        ORDER BY c.relname
        """;

    // A domain column reports its base type, as SQLAlchemy's reflection does.
    private const string ColumnsSql =
        """
        SELECT c.relname, a.attnum, a.attname, NOT a.attnotnull, col_description(c.oid, a.attnum),
               format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END,
                           CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END),
               (CASE WHEN t.typtype = 'd' THEN bt.typtype ELSE t.typtype END)::text
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
          AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """;

    // conkey/confkey are unnested WITH ORDINALITY so multi-column keys keep their pairing.
    private const string ConstraintsSql =
        """
        SELECT src.relname, k.contype::text, k.conname, rn.nspname, ref.relname,
               ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
               ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)
        FROM pg_constraint k
        JOIN pg_class src ON src.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        LEFT JOIN pg_class ref ON ref.oid = k.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = ref.relnamespace
        WHERE n.nspname = @schema AND k.contype IN ('p', 'f')
        ORDER BY src.relname, k.conname
        """;

    public async Task<DatabaseSchema> IntrospectAsync(string database, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Introspect);
        activity?.SetTag(DataHubTelemetry.Tags.Database, database);
        activity?.SetTag(DataHubTelemetry.Tags.Schema, schema);

        await using var connection = await connections.ForServerDatabase(database).OpenConnectionAsync(cancellationToken);

        var relations = new List<(string Name, TableKind Kind, string? Comment, string? Definition)>();
        await using (var command = Command(connection, RelationsSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                relations.Add((reader.GetString(0), KindOf(reader.GetString(1)), NullableString(reader, 2), NullableString(reader, 3)));
            }
        }

        var columns = new Dictionary<string, List<ColumnSchema>>(StringComparer.Ordinal);
        await using (var command = Command(connection, ColumnsSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var nativeType = NativeTypeFormatter.Format(reader.GetString(5));
                var kind = reader.GetString(6);
                var column = new ColumnSchema(
                    reader.GetString(2),
                    reader.GetInt16(1),
                    nativeType,
                    SchemaFieldTypeMapper.Map(nativeType, kind.Length > 0 ? kind[0] : 'b'),
                    reader.GetBoolean(3),
                    NullableString(reader, 4));
                ListFor(columns, reader.GetString(0)).Add(column);
            }
        }

        var primaryKeys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var foreignKeys = new Dictionary<string, List<ForeignKeySchema>>(StringComparer.Ordinal);
        await using (var command = Command(connection, ConstraintsSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                var keyColumns = reader.GetFieldValue<string[]>(5);
                if (reader.GetString(1) == "p")
                {
                    primaryKeys[table] = keyColumns;
                }
                else
                {
                    ListFor(foreignKeys, table).Add(new ForeignKeySchema(
                        reader.GetString(2), keyColumns, reader.GetString(3), reader.GetString(4), reader.GetFieldValue<string[]>(6)));
                }
            }
        }

        var tables = relations
            .Select(r => new TableSchema(
                r.Name,
                r.Kind,
                r.Comment,
                columns.TryGetValue(r.Name, out var c) ? c : [],
                primaryKeys.TryGetValue(r.Name, out var pk) ? pk : [],
                foreignKeys.TryGetValue(r.Name, out var fks) ? fks : [],
                r.Definition))
            .ToList();

        var result = new DatabaseSchema(database, schema, tables);
        activity?.SetTag(DataHubTelemetry.Tags.Tables, tables.Count);
        activity?.SetTag(DataHubTelemetry.Tags.Columns, result.ColumnCount);
        LogIntrospected(database, schema, tables.Count, result.ColumnCount);
        return result;
    }

    /// <summary>Introspects several databases one after the other, in the order given.</summary>
    public async Task<IReadOnlyList<DatabaseSchema>> IntrospectAsync(
        IEnumerable<string> databases, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        var results = new List<DatabaseSchema>();
        foreach (var database in databases)
        {
            results.Add(await IntrospectAsync(database, schema, cancellationToken));
        }

        return results;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string schema)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        return command;
    }

    private static TableKind KindOf(string relkind) => relkind switch
    {
        "v" => TableKind.View,
        "m" => TableKind.MaterializedView,
        _ => TableKind.Table,
    };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static List<T> ListFor<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Introspected {Database}.{Schema}: {Tables} tables and views, {Columns} columns")]
    private partial void LogIntrospected(string database, string schema, int tables, int columns);
}
