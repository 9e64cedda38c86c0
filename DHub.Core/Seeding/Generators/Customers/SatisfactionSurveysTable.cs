using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>customer_db.satisfaction_surveys: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class SatisfactionSurveysTable
{
    private static readonly WeightedChoice<int> NpsScores = new(
        (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 8), (7, 12), (8, 15), (9, 20), (10, 23));

    private static readonly string[] PositiveComments =
        ["Quick and friendly service.", "The agent solved my problem right away.", "Very helpful, thank you!", "Easy and fast."];

    private static readonly string[] NeutralComments =
        ["It was fine, but it took a while.", "Got an answer, though I had to repeat myself.", "Average experience."];

    private static readonly string[] NegativeComments =
        ["Nobody could solve my problem.", "Waited far too long.", "I had to contact the bank several times.", "Not helpful at all."];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<SatisfactionSurveyRow>(
        CustomerDb.Database,
        "satisfaction_surveys",
        SatisfactionSurveyRows(ctx),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("interaction_id", static (w, r) => w.Write(r.InteractionId, NpgsqlDbType.Varchar)),
        ("nps_score", static (w, r) => w.Write(r.NpsScore, NpgsqlDbType.Integer)),
        ("satisfaction_rating", static (w, r) => w.Write(r.SatisfactionRating, NpgsqlDbType.Integer)),
        ("survey_date", static (w, r) => w.Write(r.SurveyDate, NpgsqlDbType.Date)),
        ("comments", static (w, r) => w.WriteText(r.Comments, NpgsqlDbType.Text)));

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

    // Star rating conditional on the NPS band, so a promoter rarely gives one star.
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
}

internal readonly record struct SatisfactionSurveyRow(
    string CustomerId,
    string InteractionId,
    int NpsScore,
    int SatisfactionRating,
    DateOnly SurveyDate,
    string? Comments);
