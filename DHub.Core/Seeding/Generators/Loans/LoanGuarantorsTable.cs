using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.loan_guarantors: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class LoanGuarantorsTable
{
    // Family members other than those listed and co-signers are not in the vocabulary: they count as 'other'.
    private static readonly WeightedChoice<string> PersonalGuarantors = VocabularyChoice.Of(
        Vocabularies.LoanGuarantorsRelationship, ("spouse", 0.30), ("parent", 0.25), ("sibling", 0.20), ("child", 0.05), ("friend", 0.12), ("other", 0.08));

    private static readonly WeightedChoice<string> BusinessGuarantors = VocabularyChoice.Of(
        Vocabularies.LoanGuarantorsRelationship, ("business_partner", 0.60), ("spouse", 0.15), ("friend", 0.10), ("other", 0.15));

    private static readonly string[] FamilyRelationships = ["spouse", "parent", "sibling", "child"];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<LoanGuarantorRow>(
        LoansDb.Database,
        "loan_guarantors",
        LoanGuarantorRows(ctx),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("guarantor_name", static (w, r) => w.Write(r.GuarantorName, NpgsqlDbType.Varchar)),
        ("relationship", static (w, r) => w.Write(r.Relationship, NpgsqlDbType.Varchar)),
        ("contact_info", static (w, r) => w.Write(r.ContactInfo, NpgsqlDbType.Text)),
        ("guarantee_amount", static (w, r) => w.Write(r.GuaranteeAmount, NpgsqlDbType.Numeric)));

    private static IEnumerable<LoanGuarantorRow> LoanGuarantorRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("loan_guarantors");
        var random = ctx.RandomFor("loan_guarantors");
        var personas = new CustomerPersonas(ctx);
        var loans = ctx.Loans.Loans;
        var guaranteed = new SelectionSample((int)(0.25 * loans.Count), loans.Count);
        for (var l = 0; l < loans.Count; l++)
        {
            if (!guaranteed.Next(random))
            {
                continue;
            }

            var loan = loans[l];
            var borrower = personas.For(loan.Customer);
            var hasSpouse = false;
            for (var k = random.Chance(0.30) ? 2 : 1; k > 0; k--)
            {
                var relationship = (loan.Type == "business" ? BusinessGuarantors : PersonalGuarantors).Pick(random);
                if (relationship == "spouse" && hasSpouse)
                {
                    relationship = "sibling";
                }

                hasSpouse |= relationship == "spouse";

                // Relatives usually share the borrower's family name.
                var first = faker.Name.FirstName();
                var last = FamilyRelationships.Contains(relationship) && random.Chance(0.85) ? borrower.LastName : faker.Name.LastName();
                yield return new LoanGuarantorRow(
                    ctx.Ids.Loan(l),
                    $"{first} {last}",
                    relationship,
                    $"{faker.Internet.Email(first, last)}, {ContactDetails.Phone(random)}",
                    Math.Round(loan.Principal * random.Decimal(0.50m, 1.00m), 2));
            }
        }
    }
}

internal readonly record struct LoanGuarantorRow(
    string LoanId,
    string GuarantorName,
    string Relationship,
    string ContactInfo,
    decimal GuaranteeAmount);
