using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using DHub.Core.References;
using DHub.Core.Seeding;
using DHub.Hosting.Postgres.InitScripts;

namespace DHub.Tests.Core.Seeding.Generators;

// The generated tables, read by column name, and the init scripts' columns to compare them with.
public sealed partial class GeneratorTests
{
    private static void Ordered(Dataset data, string table, string earlier, string later, bool strictly) =>
        Each(data, table, (t, r) => t.Value(r, later) is null || (strictly
            ? Compare(t.Value(r, earlier)!, t.Value(r, later)!) < 0
            : Compare(t.Value(r, earlier)!, t.Value(r, later)!) <= 0));

    private static int Compare(object a, object b) => Moment(a).CompareTo(Moment(b));

    private static DateTime Moment(object value) => value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : (DateTime)value;

    private static void Each(Dataset data, string table, Func<Table, object, bool> holds)
    {
        var t = data[table];
        var broken = t.Rows.FirstOrDefault(r => !holds(t, r));
        Assert.True(broken is null, $"{table}: {broken}");
    }

    private static (string Table, string Column) Split(string qualified) => (qualified.Split('.')[0], qualified.Split('.')[1]);

    private static string Pascal(string column) => string.Concat(column.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"^(?<column>\w+) = '(?<value>[^']*)'$")]
    private static partial Regex ConditionPattern();

    /// <summary>One generated table: its COPY columns and its rows (the generator's records), read by column name.</summary>
    private sealed class Table(string database, string name, IReadOnlyList<string> columns, List<object> rows, Type rowType)
    {
        private readonly Dictionary<string, PropertyInfo> _properties = columns.ToDictionary(c => c, c => rowType.GetProperty(Pascal(c))!);

        public string Database { get; } = database;

        public string Name { get; } = name;

        public string QualifiedName => $"{Database}.{Name}";

        public IReadOnlyList<string> Columns { get; } = columns;

        public List<object> Rows { get; } = rows;

        public Type RowType { get; } = rowType;

        public object? Value(object row, string column) => _properties[column].GetValue(row);

        public IEnumerable<object?> Column(string column) => Rows.Select(r => Value(r, column));

        public int Count(string column, string value) => Column(column).Count(v => Equals(v, value));

        public Dictionary<string, object> ById(string column) => Rows.ToDictionary(r => (string)Value(r, column)!);
    }

    /// <summary>Every table of one run, produced by enumerating the phases in pipeline order.</summary>
    private sealed class Dataset(List<Table> tables)
    {
        public IReadOnlyList<Table> Tables => tables;

        public Table this[string name] => tables.Single(t => t.Name == name);

        public static Dataset Generate(SeedOptions options)
        {
            var ctx = new SeedContext(options);
            var tables = new List<Table>();
            foreach (var load in SeedPhases.All.SelectMany(p => p.Tables).Select(factory => factory(ctx)))
            {
                var rowsProperty = load.GetType().GetProperty("Rows")!;
                var rows = ((IEnumerable)rowsProperty.GetValue(load)!).Cast<object>().ToList();
                tables.Add(new Table(load.Database, load.Table, load.Columns, rows, load.GetType().GetGenericArguments()[0]));
            }

            return new Dataset(tables);
        }
    }

    /// <summary>The columns of every table as the init scripts declare them, minus SERIAL keys.</summary>
    private static partial class InitScriptSchema
    {
        public static Dictionary<string, List<string>> Load()
        {
            var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory)
                ?? throw new DirectoryNotFoundException("init scripts not found above the test binaries");
            var schema = new Dictionary<string, List<string>>();
            foreach (var section in InitScriptCatalog.Load(directory).SelectMany(script => script.Sections))
            {
                foreach (Match table in CreateTable().Matches(section.Sql))
                {
                    schema[$"{section.DatabaseName}.{table.Groups["name"].Value}"] = table.Groups["body"].Value
                        .Split('\n')
                        .Select(line => ColumnLine().Match(line))
                        .Where(m => m.Success && m.Groups["type"].Value is not ("SERIAL" or "BIGSERIAL"))
                        .Select(m => m.Groups["column"].Value)
                        .ToList();
                }
            }

            return schema;
        }

        [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
        private static partial Regex CreateTable();

        // A column definition starts with a lower-case name and an upper-case type; CHECK continuation lines do not.
        [GeneratedRegex(@"^\s+(?<column>[a-z_]+)\s+(?<type>[A-Z]+)")]
        private static partial Regex ColumnLine();
    }
}
