using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db CRM tables (phase 3): campaigns, interactions, surveys, complaints, campaign responses.</summary>
internal static class CrmGenerators
{
    private const string Database = "customer_db";

    private static readonly string[] CampaignNames =
    [
        "Summer Savings Boost", "Premium Card Launch", "Mortgage Rate Special", "Student Account Promotion", "Retirement Planning Seminar",
        "Business Banking Growth", "Digital Banking Adoption", "Loan Refinance Campaign", "Investment Product Launch", "Holiday Season Rewards",
        "New Year Financial Goals", "Spring Home Equity Drive", "Back to School Savings", "Year-End Tax Planning", "Mobile App Feature Release",
    ];

    private static readonly WeightedChoice<string> CampaignTypes = VocabularyChoice.Of(
        Vocabularies.CampaignsCampaignType, ("email", 0.40), ("digital", 0.30), ("cross_sell", 0.20), ("direct_mail", 0.10));

    private static readonly WeightedChoice<string> TargetSegments = VocabularyChoice.Uniform(Vocabularies.CampaignsTargetSegment);

    private static readonly WeightedChoice<int> InteractionsPerCustomer = new((0, 0.20), (1, 0.25), (2, 0.25), (3, 0.15), (4, 0.10), (5, 0.05));

    // The reference wrote inquiry/support/account_update/product_inquiry, which the schema does not
    // know: the type is now how the customer reached the bank, coherent with the channel below.
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

    private static readonly WeightedChoice<int> NpsScores = new(
        (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 8), (7, 12), (8, 15), (9, 20), (10, 23));

    private static readonly string[] PositiveComments =
        ["Quick and friendly service.", "The agent solved my problem right away.", "Very helpful, thank you!", "Easy and fast."];

    private static readonly string[] NeutralComments =
        ["It was fine, but it took a while.", "Got an answer, though I had to repeat myself.", "Average experience."];

    private static readonly string[] NegativeComments =
        ["Nobody could solve my problem.", "Waited far too long.", "I had to contact the bank several times.", "Not helpful at all."];

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

    private static readonly WeightedChoice<string> ResponseTypes = VocabularyChoice.Of(
        Vocabularies.CampaignResponsesResponseType, ("opened", 0.40), ("clicked", 0.30), ("purchased", 0.20), ("unsubscribed", 0.10));

    public static ITableLoad Campaigns(SeedContext ctx) => new TableLoad<CampaignRow>(
        Database,
        "campaigns",
        CampaignRows(ctx),
        ("campaign_id", static (w, r) => w.Write(r.CampaignId, NpgsqlDbType.Varchar)),
        ("campaign_name", static (w, r) => w.Write(r.CampaignName, NpgsqlDbType.Varchar)),
        ("campaign_type", static (w, r) => w.Write(r.CampaignType, NpgsqlDbType.Varchar)),
        ("start_date", static (w, r) => w.Write(r.StartDate, NpgsqlDbType.Date)),
        ("end_date", static (w, r) => w.Write(r.EndDate, NpgsqlDbType.Date)),
        ("target_segment", static (w, r) => w.Write(r.TargetSegment, NpgsqlDbType.Varchar)));

    public static ITableLoad Interactions(SeedContext ctx) => new TableLoad<InteractionRow>(
        Database,
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

    public static ITableLoad SatisfactionSurveys(SeedContext ctx) => new TableLoad<SatisfactionSurveyRow>(
        Database,
        "satisfaction_surveys",
        SatisfactionSurveyRows(ctx),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("interaction_id", static (w, r) => w.Write(r.InteractionId, NpgsqlDbType.Varchar)),
        ("nps_score", static (w, r) => w.Write(r.NpsScore, NpgsqlDbType.Integer)),
        ("satisfaction_rating", static (w, r) => w.Write(r.SatisfactionRating, NpgsqlDbType.Integer)),
        ("survey_date", static (w, r) => w.Write(r.SurveyDate, NpgsqlDbType.Date)),
        ("comments", static (w, r) => w.WriteText(r.Comments, NpgsqlDbType.Text)));

    public static ITableLoad Complaints(SeedContext ctx) => new TableLoad<ComplaintRow>(
        Database,
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

    public static ITableLoad CampaignResponses(SeedContext ctx) => new TableLoad<CampaignResponseRow>(
        Database,
        "campaign_responses",
        CampaignResponseRows(ctx),
        ("campaign_id", static (w, r) => w.Write(r.CampaignId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("response_date", static (w, r) => w.Write(r.ResponseDate, NpgsqlDbType.Date)),
        ("response_type", static (w, r) => w.Write(r.ResponseType, NpgsqlDbType.Varchar)),
        ("converted", static (w, r) => w.Write(r.Converted, NpgsqlDbType.Boolean)));

    private static IEnumerable<CampaignRow> CampaignRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("campaigns");
        ctx.Crm.ResetCampaigns();
        var names = random.DistinctIndexes(CampaignNames.Length, random.Number(10, 15));
        for (var i = 0; i < names.Length; i++)
        {
            // Campaigns started within the last year; the most recent may still be running.
            var start = ctx.AsOf.AddDays(-random.Number(30, 365));
            var end = start.AddDays(random.Number(14, 90));
            var segment = TargetSegments.Pick(random);
            ctx.Crm.AddCampaign(new CampaignFact(start, end, segment));
            yield return new CampaignRow(ctx.Ids.Campaign(i), CampaignNames[names[i]], CampaignTypes.Pick(random), start, end, segment);
        }
    }

    private static IEnumerable<InteractionRow> InteractionRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("interactions");
        ctx.Crm.ResetSurveyed();
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
                    ctx.Crm.AddSurveyed(new SurveyedInteraction(interaction, c, at, outcome));
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

    private static IEnumerable<SatisfactionSurveyRow> SatisfactionSurveyRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("satisfaction_surveys");
        foreach (var surveyed in ctx.Crm.Surveyed)
        {
            // Unresolved contacts score lower.
            var penalty = surveyed.Outcome switch { "escalated" => 3, "follow_up_needed" => 2, _ => 0 };
            var nps = Math.Max(0, NpsScores.Pick(random) - penalty);
            var satisfaction = Satisfaction(random, nps);
            string? comment = null;
            if (random.Chance(0.50))
            {
                comment = random.ArrayElement(satisfaction >= 4 ? PositiveComments : satisfaction == 3 ? NeutralComments : NegativeComments);
            }

            yield return new SatisfactionSurveyRow(
                ctx.Ids.Customer(surveyed.Customer),
                ctx.Ids.Interaction(surveyed.Interaction),
                nps,
                satisfaction,
                surveyed.At.Day().AddDays(random.Number(0, 2)).Min(ctx.AsOf),
                comment);
        }
    }

    // Star rating conditional on the NPS band, as in the reference.
    private static int Satisfaction(SeedRandom random, int nps)
    {
        var x = random.Double();
        return nps switch
        {
            >= 9 => x < 0.3 ? 4 : 5,
            >= 7 => x < 0.2 ? 3 : x < 0.7 ? 4 : 5,
            >= 5 => x < 0.3 ? 2 : x < 0.8 ? 3 : 4,
            _ => x < 0.5 ? 1 : x < 0.8 ? 2 : 3,
        };
    }

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

    private static IEnumerable<CampaignResponseRow> CampaignResponseRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("campaign_responses");
        var campaigns = ctx.Crm.Campaigns;
        var customers = ctx.Customers.Count;
        var responders = new SelectionSample((int)(0.05 * customers), customers);
        for (var c = 0; c < customers; c++)
        {
            if (!responders.Next(random))
            {
                continue;
            }

            // A customer responds to campaigns that ran while they were a customer, preferably
            // those aimed at their segment.
            var joined = ctx.Customers.CreatedAt(c).Day();
            var segment = ctx.Profiles[c].Segment;
            var running = Enumerable.Range(0, campaigns.Count).Where(i => campaigns[i].End >= joined).ToArray();
            var targeted = running.Where(i => campaigns[i].TargetSegment == segment || campaigns[i].TargetSegment == "all").ToArray();
            var eligible = targeted.Length > 0 ? targeted : running;
            if (eligible.Length == 0)
            {
                continue;
            }

            var count = random.Chance(0.30) ? 2 : 1;
            foreach (var pick in random.DistinctIndexes(eligible.Length, count))
            {
                var campaign = campaigns[eligible[pick]];
                var type = ResponseTypes.Pick(random);

                // A purchase is a conversion; clicks and opens only sometimes lead to one.
                var converted = type switch
                {
                    "purchased" => true,
                    "clicked" => random.Chance(0.05),
                    "opened" => random.Chance(0.01),
                    _ => false,
                };
                yield return new CampaignResponseRow(
                    ctx.Ids.Campaign(eligible[pick]),
                    ctx.Ids.Customer(c),
                    random.DateBetween(campaign.Start.Max(joined), campaign.End.Min(ctx.AsOf)),
                    type,
                    converted);
            }
        }
    }
}
