using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.campaigns: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class CampaignsTable
{
    private static readonly string[] CampaignNames =
    [
        "Summer Savings Boost", "Premium Card Launch", "Mortgage Rate Special", "Student Account Promotion", "Retirement Planning Seminar",
        "Business Banking Growth", "Digital Banking Adoption", "Loan Refinance Campaign", "Investment Product Launch", "Holiday Season Rewards",
        "New Year Financial Goals", "Spring Home Equity Drive", "Back to School Savings", "Year-End Tax Planning", "Mobile App Feature Release",
    ];

    private static readonly WeightedChoice<string> CampaignTypes = VocabularyChoice.Of(
        Vocabularies.CampaignsCampaignType, ("email", 0.40), ("digital", 0.30), ("cross_sell", 0.20), ("direct_mail", 0.10));

    private static readonly WeightedChoice<string> TargetSegments = VocabularyChoice.Uniform(Vocabularies.CampaignsTargetSegment);

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<CampaignRow>(
        CustomerDb.Database,
        "campaigns",
        CampaignRows(ctx),
        ("campaign_id", static (w, r) => w.Write(r.CampaignId, NpgsqlDbType.Varchar)),
        ("campaign_name", static (w, r) => w.Write(r.CampaignName, NpgsqlDbType.Varchar)),
        ("campaign_type", static (w, r) => w.Write(r.CampaignType, NpgsqlDbType.Varchar)),
        ("start_date", static (w, r) => w.Write(r.StartDate, NpgsqlDbType.Date)),
        ("end_date", static (w, r) => w.Write(r.EndDate, NpgsqlDbType.Date)),
        ("target_segment", static (w, r) => w.Write(r.TargetSegment, NpgsqlDbType.Varchar)));

    private static IEnumerable<CampaignRow> CampaignRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("campaigns");
        ctx.Crm.Campaigns.Begin();
        var names = random.DistinctIndexes(CampaignNames.Length, random.Number(10, 15));
        for (var i = 0; i < names.Length; i++)
        {
            // Campaigns started within the last year; the most recent may still be running.
            var start = ctx.AsOf.AddDays(-random.Number(30, 365));
            var end = start.AddDays(random.Number(14, 90));
            var segment = TargetSegments.Pick(random);
            ctx.Crm.Campaigns.Add(new CampaignFact(start, end, segment));
            yield return new CampaignRow(ctx.Ids.Campaign(i), CampaignNames[names[i]], CampaignTypes.Pick(random), start, end, segment);
        }

        ctx.Crm.Campaigns.Complete();
    }
}

internal readonly record struct CampaignRow(
    string CampaignId,
    string CampaignName,
    string CampaignType,
    DateOnly StartDate,
    DateOnly EndDate,
    string TargetSegment);
