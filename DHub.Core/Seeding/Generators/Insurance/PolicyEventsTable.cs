using System.Globalization;
using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>insurance_db.policy_events: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class PolicyEventsTable
{
    private static readonly string[] ModificationReasons =
    [
        "Coverage amount updated at the customer's request.", "Contact and billing details changed.", "Deductible changed.", "Rider added to the policy.",
    ];

    private static readonly string[] CancellationReasons =
    [
        "Cancelled at the customer's request.", "Cancelled: coverage moved to another insurer.", "Cancelled after the insured asset was sold.",
    ];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<PolicyEventRow>(
        InsuranceDb.Database,
        "policy_events",
        PolicyEventRows(ctx),
        ("policy_id", static (w, r) => w.Write(r.PolicyId, NpgsqlDbType.Varchar)),
        ("event_type", static (w, r) => w.Write(r.EventType, NpgsqlDbType.Varchar)),
        ("event_date", static (w, r) => w.Write(r.EventDate, NpgsqlDbType.Date)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("performed_by", static (w, r) => w.Write(r.PerformedBy, NpgsqlDbType.Varchar)));

    private static IEnumerable<PolicyEventRow> PolicyEventRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("policy_events");
        for (var p = 0; p < ctx.Policies.Count; p++)
        {
            var policy = ctx.Policies[p];
            var until = policy.CoveredUntil(ctx.AsOf);
            var events = new List<(DateOnly Date, string Type, string Description)>();

            if (InsuranceProducts.Of(policy.Type).RenewsYearly)
            {
                for (var year = 1; policy.Start.AddYears(year) <= until && policy.Start.AddYears(year) < policy.End; year++)
                {
                    events.Add((policy.Start.AddYears(year), "renewal", string.Create(
                        CultureInfo.InvariantCulture, $"Renewed for year {year + 1} at a premium of {policy.Premium:0.00} ({policy.Frequency}).")));
                }
            }

            if (until > policy.Start.AddDays(1) && random.Chance(0.45))
            {
                events.Add((random.DateBetween(policy.Start.AddDays(1), until), "modification", random.ArrayElement(ModificationReasons)));
            }

            if (policy.Status == "active" && until > policy.Start.AddDays(90) && random.Chance(0.10))
            {
                events.Add((random.DateBetween(policy.Start.AddDays(60), until), "reinstatement", "Reinstated after the overdue premium was paid."));
            }

            if (policy.Status == "cancelled")
            {
                events.Add((policy.End, "cancellation", random.ArrayElement(CancellationReasons)));
            }

            foreach (var (date, type, description) in events.OrderBy(e => e.Date))
            {
                // The selling agent handles the policy while employed; a colleague otherwise.
                var agent = ctx.Employees[policy.Agent].IsEmployedOn(date) ? policy.Agent : ctx.Employees.Pick(random, StaffPool.InsuranceAgents, date);
                yield return new PolicyEventRow(
                    ctx.Ids.Policy(p),
                    VocabularyChoice.Value(Vocabularies.PolicyEventsEventType, type),
                    date,
                    description,
                    ctx.Ids.Employee(agent));
            }
        }
    }
}

internal readonly record struct PolicyEventRow(
    string PolicyId,
    string EventType,
    DateOnly EventDate,
    string Description,
    string PerformedBy);
