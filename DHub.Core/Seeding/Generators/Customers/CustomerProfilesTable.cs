using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.customer_profiles: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class CustomerProfilesTable
{
    private static readonly WeightedChoice<string> Segments = VocabularyChoice.Of(
        Vocabularies.CustomerProfilesCustomerSegment, ("retail", 0.60), ("premium", 0.25), ("corporate", 0.10), ("private_banking", 0.05));

    private static readonly WeightedChoice<string> Statuses = VocabularyChoice.Of(
        Vocabularies.CustomerProfilesCustomerStatus, ("active", 0.90), ("dormant", 0.07), ("closed", 0.03));

    // A few applicants fail verification, so 'rejected' shows up in the data.
    private static readonly WeightedChoice<string> KycStatuses = VocabularyChoice.Of(
        Vocabularies.CustomerProfilesKycStatus, ("verified", 0.83), ("pending", 0.10), ("expired", 0.05), ("rejected", 0.02));

    private static readonly WeightedChoice<string> RiskRatings = VocabularyChoice.Of(
        Vocabularies.CustomerProfilesRiskRating, ("low", 0.70), ("medium", 0.25), ("high", 0.05));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<CustomerProfileRow>(
        "customer_db",
        "customer_profiles",
        CustomerProfileRows(ctx),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("full_name", static (w, r) => w.Write(r.FullName, NpgsqlDbType.Varchar)),
        ("email", static (w, r) => w.Write(r.Email, NpgsqlDbType.Varchar)),
        ("phone", static (w, r) => w.Write(r.Phone, NpgsqlDbType.Varchar)),
        ("address", static (w, r) => w.Write(r.Address, NpgsqlDbType.Text)),
        ("city", static (w, r) => w.Write(r.City, NpgsqlDbType.Varchar)),
        ("country", static (w, r) => w.Write(r.Country, NpgsqlDbType.Varchar)),
        ("customer_segment", static (w, r) => w.Write(r.CustomerSegment, NpgsqlDbType.Varchar)),
        ("customer_status", static (w, r) => w.Write(r.CustomerStatus, NpgsqlDbType.Varchar)),
        ("onboarding_date", static (w, r) => w.Write(r.OnboardingDate, NpgsqlDbType.Date)),
        ("assigned_agent_id", static (w, r) => w.WriteText(r.AssignedAgentId)),
        ("kyc_status", static (w, r) => w.Write(r.KycStatus, NpgsqlDbType.Varchar)),
        ("risk_rating", static (w, r) => w.Write(r.RiskRating, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)),
        ("updated_at", static (w, r) => w.Write(r.UpdatedAt, NpgsqlDbType.Timestamp)));

    private static IEnumerable<CustomerProfileRow> CustomerProfileRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("customer_profiles");
        var addresses = AddressBook.Draw(ctx.FakerFor("customer_profiles"));
        var personas = new CustomerPersonas(ctx);
        var registry = ctx.Profiles;
        registry.Begin();

        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var persona = personas.For(c);
            var createdAt = ctx.Customers.CreatedAt(c);
            var segment = Segments.Pick(random);
            var status = Statuses.Pick(random);
            var kyc = KycStatuses.Pick(random);
            var risk = RiskRatings.Pick(random);

            // 80 % have a relationship manager, currently employed; a closed customer has none.
            int? agent = status != "closed" && random.Chance(0.80)
                ? ctx.Employees.Pick(random, StaffPool.RelationshipManagers, ctx.AsOf)
                : null;

            // Most profiles were edited at least once since onboarding.
            var updatedAt = random.Chance(0.70) ? random.MomentBetween(createdAt, ctx.AsOfEndOfDay) : createdAt;
            var address = addresses.Next(random);

            registry.Add(new ProfileFact(segment, status, kyc, risk, agent, updatedAt));
            yield return new CustomerProfileRow(
                ctx.Ids.Customer(c),
                $"{persona.FirstName} {persona.LastName}",
                persona.Email,
                persona.Phone,
                address.ToString(),
                address.City,
                "USA",
                segment,
                status,
                createdAt.Day(),
                agent is { } a ? ctx.Ids.Employee(a) : null,
                kyc,
                risk,
                createdAt,
                updatedAt);
        }

        registry.Complete();
    }
}

internal readonly record struct CustomerProfileRow(
    string CustomerId,
    string FullName,
    string Email,
    string Phone,
    string Address,
    string City,
    string Country,
    string CustomerSegment,
    string CustomerStatus,
    DateOnly OnboardingDate,
    string? AssignedAgentId,
    string KycStatus,
    string RiskRating,
    DateTime CreatedAt,
    DateTime UpdatedAt);
