using System.Globalization;
using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>insurance_db.beneficiaries: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class BeneficiariesTable
{
    private static readonly WeightedChoice<string> OtherBeneficiaries = VocabularyChoice.Of(
        Vocabularies.BeneficiariesRelationship, ("child", 0.60), ("parent", 0.20), ("sibling", 0.20));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<BeneficiaryRow>(
        InsuranceDb.Database,
        "beneficiaries",
        BeneficiaryRows(ctx),
        ("policy_id", static (w, r) => w.Write(r.PolicyId, NpgsqlDbType.Varchar)),
        ("beneficiary_name", static (w, r) => w.Write(r.BeneficiaryName, NpgsqlDbType.Varchar)),
        ("relationship", static (w, r) => w.Write(r.Relationship, NpgsqlDbType.Varchar)),
        ("percentage", static (w, r) => w.Write(r.Percentage, NpgsqlDbType.Integer)),
        ("contact_info", static (w, r) => w.Write(r.ContactInfo, NpgsqlDbType.Text)));

    private static IEnumerable<BeneficiaryRow> BeneficiaryRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("beneficiaries");
        var random = ctx.RandomFor("beneficiaries");
        var personas = new CustomerPersonas(ctx);
        for (var p = 0; p < ctx.Policies.Count; p++)
        {
            var policy = ctx.Policies[p];
            var count = policy.Type switch
            {
                "life" => random.Number(1, 4),
                "health" or "travel" => random.Chance(0.60) ? random.Number(1, 3) : 0,
                _ => random.Chance(0.50) ? random.Number(1, 2) : 0,
            };
            if (count == 0)
            {
                continue;
            }

            var familyName = personas.For(policy.Customer).LastName;
            var hasSpouse = random.Chance(0.55);
            for (var k = 0; k < count; k++)
            {
                var relationship = k == 0 && hasSpouse ? "spouse" : OtherBeneficiaries.Pick(random);
                var last = random.Chance(0.85) ? familyName : faker.Name.LastName();

                // Equal shares; the first beneficiary takes the rounding remainder so shares total 100.
                var share = k == 0 ? 100 - ((count - 1) * (100 / count)) : 100 / count;
                yield return new BeneficiaryRow(
                    ctx.Ids.Policy(p),
                    $"{faker.Name.FirstName()} {last}",
                    relationship,
                    share,
                    $"{ContactDetails.Phone(random)}, {faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()}");
            }
        }
    }
}

internal readonly record struct BeneficiaryRow(
    string PolicyId,
    string BeneficiaryName,
    string Relationship,
    int Percentage,
    string ContactInfo);
