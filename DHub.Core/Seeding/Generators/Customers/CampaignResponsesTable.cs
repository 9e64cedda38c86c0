using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.campaign_responses: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class CampaignResponsesTable
{
    private static readonly WeightedChoice<string> ResponseTypes = VocabularyChoice.Of(
        Vocabularies.CampaignResponsesResponseType, ("opened", 0.40), ("clicked", 0.30), ("purchased", 0.20), ("unsubscribed", 0.10));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<CampaignResponseRow>(
        CustomerDb.Database,
        "campaign_responses",
        CampaignResponseRows(ctx),
        ("campaign_id", static (w, r) => w.Write(r.CampaignId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("response_date", static (w, r) => w.Write(r.ResponseDate, NpgsqlDbType.Date)),
        ("response_type", static (w, r) => w.Write(r.ResponseType, NpgsqlDbType.Varchar)),
        ("converted", static (w, r) => w.Write(r.Converted, NpgsqlDbType.Boolean)));

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

internal readonly record struct CampaignResponseRow(
    string CampaignId,
    string CustomerId,
    DateOnly ResponseDate,
    string ResponseType,
    bool Converted);
