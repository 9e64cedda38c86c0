using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.interactions: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class InteractionsTable
{
    private static readonly WeightedChoice<int> InteractionsPerCustomer = new((0, 0.20), (1, 0.25), (2, 0.25), (3, 0.15), (4, 0.10), (5, 0.05));

    // The type is how the customer reached the bank (a vocabulary value), so it stays coherent with
    // the channel below.
    private static readonly WeightedChoice<string> InteractionTypes = VocabularyChoice.Of(
        Vocabularies.InteractionsInteractionType, ("call", 0.35), ("email", 0.20), ("chat", 0.20), ("branch_visit", 0.10), ("complaint", 0.15));

    private static readonly WeightedChoice<string> ChatChannels = VocabularyChoice.Of(Vocabularies.InteractionsChannel, ("web", 0.55), ("mobile_app", 0.45));

    private static readonly WeightedChoice<string> ComplaintChannels = VocabularyChoice.Of(
        Vocabularies.InteractionsChannel, ("phone", 0.40), ("email", 0.25), ("branch", 0.20), ("web", 0.15));

    private static readonly WeightedChoice<string> Outcomes = VocabularyChoice.Of(
        Vocabularies.InteractionsOutcome, ("resolved", 0.70), ("follow_up_needed", 0.20), ("escalated", 0.10));

    private static readonly WeightedChoice<string> ComplaintOutcomes = VocabularyChoice.Of(
        Vocabularies.InteractionsOutcome, ("resolved", 0.45), ("follow_up_needed", 0.30), ("escalated", 0.25));

    private static readonly string[] Topics =
    [
        "a card replacement", "online banking access", "mortgage rates", "a wire transfer status", "an account statement",
        "a fee on the last statement", "an address change", "a loan payment", "savings rates", "a travel notice", "a new checking account",
    ];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<InteractionRow>(
        CustomerDb.Database,
        "interactions",
        InteractionRows(ctx),
        ("interaction_id", static (w, r) => w.Write(r.InteractionId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("interaction_type", static (w, r) => w.Write(r.InteractionType, NpgsqlDbType.Varchar)),
        ("channel", static (w, r) => w.Write(r.Channel, NpgsqlDbType.Varchar)),
        ("interaction_date", static (w, r) => w.Write(r.InteractionDate, NpgsqlDbType.Timestamp)),
        ("duration_minutes", static (w, r) => w.Write(r.DurationMinutes, NpgsqlDbType.Integer)),
        ("notes", static (w, r) => w.Write(r.Notes, NpgsqlDbType.Text)),
        ("handled_by", static (w, r) => w.WriteText(r.HandledBy)),
        ("outcome", static (w, r) => w.Write(r.Outcome, NpgsqlDbType.Varchar)));

    private static IEnumerable<InteractionRow> InteractionRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("interactions");
        ctx.Crm.Surveyed.Begin();
        var interaction = 0;
        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var createdAt = ctx.Customers.CreatedAt(c);
            var count = InteractionsPerCustomer.Pick(random);
            for (var k = 0; k < count; k++)
            {
                var type = InteractionTypes.Pick(random);
                var channel = type switch
                {
                    "call" => "phone",
                    "email" => "email",
                    "chat" => ChatChannels.Pick(random),
                    "branch_visit" => "branch",
                    _ => ComplaintChannels.Pick(random),
                };
                var outcome = (type == "complaint" ? ComplaintOutcomes : Outcomes).Pick(random);
                var at = random.BusinessMomentBetween(createdAt, ctx.AsOfEndOfDay);
                var duration = channel switch
                {
                    "phone" => random.Number(5, 45),
                    "branch" => random.Number(10, 60),
                    "email" => random.Number(1, 10),
                    _ => random.Number(2, 20),
                };

                // Written contact is sometimes answered by the assistant bot (no employee).
                var handled = type is "email" or "chat" ? random.Chance(0.80) : true;
                var handledBy = handled ? ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.FrontOffice, at.Day())) : null;

                if (random.Chance(0.30))
                {
                    ctx.Crm.Surveyed.Add(new SurveyedInteraction(interaction, c, at, outcome));
                }

                yield return new InteractionRow(
                    ctx.Ids.Interaction(interaction),
                    ctx.Ids.Customer(c),
                    type,
                    channel,
                    at,
                    duration,
                    Notes(random, type, outcome),
                    handledBy,
                    outcome);
                interaction++;
            }
        }

        ctx.Crm.Surveyed.Complete();
    }

    private static string Notes(SeedRandom random, string type, string outcome)
    {
        var topic = random.ArrayElement(Topics);
        var opening = type switch
        {
            "call" => $"Customer called about {topic}.",
            "email" => $"Customer wrote about {topic}.",
            "chat" => $"Chat session about {topic}.",
            "branch_visit" => $"Customer visited the branch about {topic}.",
            _ => $"Customer complained about {topic}.",
        };
        var closing = outcome switch
        {
            "resolved" => "Resolved during the contact.",
            "follow_up_needed" => "Follow-up scheduled with the customer.",
            _ => "Escalated to a supervisor.",
        };
        return $"{opening} {closing}";
    }
}

internal readonly record struct InteractionRow(
    string InteractionId,
    string CustomerId,
    string InteractionType,
    string Channel,
    DateTime InteractionDate,
    int DurationMinutes,
    string Notes,
    string? HandledBy,
    string Outcome);
