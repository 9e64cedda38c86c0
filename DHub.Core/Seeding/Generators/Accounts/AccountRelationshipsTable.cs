using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db.account_relationships: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class AccountRelationshipsTable
{
    private static readonly WeightedChoice<string> RelationshipTypes = VocabularyChoice.Uniform(Vocabularies.AccountRelationshipsRelationshipType);

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<AccountRelationshipRow>(
        AccountsDb.Database,
        "account_relationships",
        AccountRelationshipRows(ctx),
        ("primary_account_id", static (w, r) => w.Write(r.PrimaryAccountId, NpgsqlDbType.Varchar)),
        ("related_account_id", static (w, r) => w.Write(r.RelatedAccountId, NpgsqlDbType.Varchar)),
        ("relationship_type", static (w, r) => w.Write(r.RelationshipType, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    private static IEnumerable<AccountRelationshipRow> AccountRelationshipRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("account_relationships");
        var accounts = ctx.Accounts;
        var active = Enumerable.Range(0, accounts.Count).Where(a => accounts[a].Status == "active").ToArray();
        if (active.Length < 3)
        {
            yield break;
        }

        // 5 % of active accounts get two links, another 20 % one link: most accounts stand alone.
        for (var position = 0; position < active.Length; position++)
        {
            var draw = random.Double();
            var links = draw < 0.05 ? 2 : draw < 0.25 ? 1 : 0;

            // Offsets from the primary's position: never the account itself, never the same pair twice.
            var firstOffset = random.Number(1, active.Length - 1);
            for (var l = 0; l < links; l++)
            {
                var offset = firstOffset;
                if (l == 1)
                {
                    offset = random.Number(1, active.Length - 2);
                    if (offset >= firstOffset)
                    {
                        offset++;
                    }
                }

                var primary = active[position];
                var related = active[(position + offset) % active.Length];
                var since = accounts[primary].Opened.Max(accounts[related].Opened);
                yield return new AccountRelationshipRow(
                    ctx.Ids.Account(primary),
                    ctx.Ids.Account(related),
                    RelationshipTypes.Pick(random),
                    random.TimeOn(random.DateBetween(since, ctx.AsOf)));
            }
        }
    }
}

internal readonly record struct AccountRelationshipRow(
    string PrimaryAccountId,
    string RelatedAccountId,
    string RelationshipType,
    DateTime CreatedAt);
