using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db.customers: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class CustomersTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<CustomerRow>(
        AccountsDb.Database,
        "customers",
        CustomerRows(ctx),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("first_name", static (w, r) => w.Write(r.FirstName, NpgsqlDbType.Varchar)),
        ("last_name", static (w, r) => w.Write(r.LastName, NpgsqlDbType.Varchar)),
        ("date_of_birth", static (w, r) => w.Write(r.DateOfBirth, NpgsqlDbType.Date)),
        ("email", static (w, r) => w.Write(r.Email, NpgsqlDbType.Varchar)),
        ("phone", static (w, r) => w.Write(r.Phone, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    private static IEnumerable<CustomerRow> CustomerRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("customers");
        var personas = new CustomerPersonas(ctx);
        var registry = ctx.Customers;
        registry.Begin();

        for (var c = 0; c < ctx.Options.CustomerCount; c++)
        {
            var persona = personas.For(c);
            var age = Math.Clamp((int)Math.Round(random.Gaussian(42, 15)), 18, 85);
            var dateOfBirth = ctx.AsOf.AddYears(-age).AddDays(-random.Number(0, 364));

            // Customers joined within the last 7 years, and never before they were 18.
            var joined = random.DateBetween(dateOfBirth.AddYears(18).Max(ctx.AsOf.AddYears(-7)), ctx.AsOf);
            var createdAt = random.TimeOn(joined, 7, 21);

            registry.Add(createdAt);
            yield return new CustomerRow(ctx.Ids.Customer(c), persona.FirstName, persona.LastName, dateOfBirth, persona.Email, persona.Phone, createdAt);
        }

        registry.Complete();
    }
}

internal readonly record struct CustomerRow(
    string CustomerId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string Email,
    string Phone,
    DateTime CreatedAt);
