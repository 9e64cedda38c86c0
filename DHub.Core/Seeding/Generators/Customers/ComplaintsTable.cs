using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.complaints: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class ComplaintsTable
{
    private static readonly WeightedChoice<string> ComplaintTypes = VocabularyChoice.Of(
        Vocabularies.ComplaintsComplaintType, ("service", 0.35), ("fee", 0.25), ("product", 0.20), ("fraud", 0.10), ("other", 0.10));

    private static readonly WeightedChoice<string> ComplaintStatuses = VocabularyChoice.Of(
        Vocabularies.ComplaintsStatus, ("resolved", 0.60), ("investigating", 0.20), ("closed", 0.15), ("open", 0.05));

    private static readonly WeightedChoice<string> Priorities = VocabularyChoice.Of(
        Vocabularies.ComplaintsPriority, ("low", 0.50), ("medium", 0.30), ("high", 0.15), ("critical", 0.05));

    private static readonly WeightedChoice<string> FraudPriorities = VocabularyChoice.Of(Vocabularies.ComplaintsPriority, ("high", 0.60), ("critical", 0.40));

    private static readonly Dictionary<string, string[]> ComplaintDescriptions = new(StringComparer.Ordinal)
    {
        ["service"] =
        [
            "Long wait at the branch and nobody could answer my question.",
            "The call center transferred me four times without resolving my issue.",
            "Branch staff were unhelpful when I tried to update my address.",
        ],
        ["fee"] =
        [
            "I was charged a monthly maintenance fee although I kept the minimum balance.",
            "An out-of-network ATM fee was charged twice for one withdrawal.",
            "The wire transfer fee was higher than the published fee schedule.",
        ],
        ["product"] =
        [
            "My debit card keeps being declined at merchants.",
            "The mobile app logs me out before I can finish a transfer.",
            "Savings interest was lower than advertised.",
        ],
        ["fraud"] =
        [
            "Unrecognised card purchases appeared on my statement.",
            "Someone changed my contact details and tried to move money out of my account.",
            "I received a phishing call pretending to be the bank and lost funds.",
        ],
        ["other"] =
        [
            "Statements are still sent to my old address.",
            "The account closure letter I requested was never sent.",
            "Branch opening hours published online were wrong.",
        ],
    };

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<ComplaintRow>(
        CustomerDb.Database,
        "complaints",
        ComplaintRows(ctx),
        ("complaint_id", static (w, r) => w.Write(r.ComplaintId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("complaint_type", static (w, r) => w.Write(r.ComplaintType, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("priority", static (w, r) => w.Write(r.Priority, NpgsqlDbType.Varchar)),
        ("filed_date", static (w, r) => w.Write(r.FiledDate, NpgsqlDbType.Timestamp)),
        ("resolved_date", static (w, r) => w.WriteNullable(r.ResolvedDate, NpgsqlDbType.Timestamp)),
        ("resolution_time_hours", static (w, r) => w.WriteNullable(r.ResolutionTimeHours, NpgsqlDbType.Integer)),
        ("assigned_to", static (w, r) => w.WriteText(r.AssignedTo)));

    private static IEnumerable<ComplaintRow> ComplaintRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("complaints");
        var customers = ctx.Customers.Count;
        var complainants = new SelectionSample((int)(0.08 * customers), customers);
        var complaint = 0;
        for (var c = 0; c < customers; c++)
        {
            if (!complainants.Next(random))
            {
                continue;
            }

            var type = ComplaintTypes.Pick(random);
            var status = ComplaintStatuses.Pick(random);
            var priority = (type == "fraud" ? FraudPriorities : Priorities).Pick(random);
            var filed = random.BusinessMomentBetween(ctx.Customers.CreatedAt(c), ctx.AsOfEndOfDay);

            DateTime? resolved = null;
            int? hours = null;
            if (status is "resolved" or "closed")
            {
                // Resolution takes up to a week, and cannot lie after the as-of instant.
                var possible = (int)Math.Floor((ctx.AsOfEndOfDay - filed).TotalHours);
                if (possible >= 1)
                {
                    hours = Math.Min(random.Number(1, 168), possible);
                    resolved = filed.AddHours(hours.Value);
                }
                else
                {
                    status = "investigating";
                }
            }

            // An open complaint is not assigned yet; fraud goes to compliance.
            string? assignedTo = status == "open"
                ? null
                : ctx.Ids.Employee(ctx.Employees.Pick(random, type == "fraud" ? StaffPool.ComplianceOfficers : StaffPool.FrontOffice, filed.Day()));

            yield return new ComplaintRow(
                ctx.Ids.Complaint(complaint++),
                ctx.Ids.Customer(c),
                type,
                random.ArrayElement(ComplaintDescriptions[type]),
                status,
                priority,
                filed,
                resolved,
                hours,
                assignedTo);
        }
    }
}

internal readonly record struct ComplaintRow(
    string ComplaintId,
    string CustomerId,
    string ComplaintType,
    string Description,
    string Status,
    string Priority,
    DateTime FiledDate,
    DateTime? ResolvedDate,
    int? ResolutionTimeHours,
    string? AssignedTo);
