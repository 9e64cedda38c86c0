using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>compliance_db.kyc_records: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class KycRecordsTable
{
    private static readonly WeightedChoice<string> DocumentTypes = VocabularyChoice.Of(
        Vocabularies.KycRecordsDocumentType, ("passport", 0.50), ("drivers_license", 0.35), ("national_id", 0.15));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<KycRecordRow>(
        ComplianceDb.Database,
        "kyc_records",
        KycRecordRows(ctx),
        ("kyc_id", static (w, r) => w.Write(r.KycId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("verification_date", static (w, r) => w.Write(r.VerificationDate, NpgsqlDbType.Date)),
        ("kyc_status", static (w, r) => w.Write(r.KycStatus, NpgsqlDbType.Varchar)),
        ("document_type", static (w, r) => w.Write(r.DocumentType, NpgsqlDbType.Varchar)),
        ("document_number", static (w, r) => w.Write(r.DocumentNumber, NpgsqlDbType.Varchar)),
        ("expiry_date", static (w, r) => w.Write(r.ExpiryDate, NpgsqlDbType.Date)),
        ("verified_by", static (w, r) => w.WriteText(r.VerifiedBy)),
        ("next_review_date", static (w, r) => w.Write(r.NextReviewDate, NpgsqlDbType.Date)),
        ("risk_rating", static (w, r) => w.Write(r.RiskRating, NpgsqlDbType.Varchar)));

    private static IEnumerable<KycRecordRow> KycRecordRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("kyc_records");
        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var profile = ctx.Profiles[c];
            var joined = ctx.Customers.CreatedAt(c).Day();

            // Riskier customers are reviewed more often.
            var reviewYears = profile.RiskRating switch { "high" => 1, "medium" => 2, _ => 3 };
            DateOnly verified, expiry, nextReview;
            string? verifiedBy = null;
            switch (profile.KycStatus)
            {
                case "verified":
                    // Verified within the current review cycle, with a valid document.
                    verified = random.DateBetween(joined.Max(ctx.AsOf.AddYears(-reviewYears).AddDays(1)), ctx.AsOf);
                    expiry = random.DateBetween(ctx.AsOf.AddDays(30), ctx.AsOf.AddYears(9));
                    nextReview = verified.AddYears(reviewYears);
                    verifiedBy = Officer(ctx, random, verified);
                    break;
                case "pending":
                    // Documents submitted recently, not yet checked.
                    verified = random.DateBetween(joined.Max(ctx.AsOf.AddDays(-60)), ctx.AsOf);
                    expiry = random.DateBetween(ctx.AsOf.AddDays(30), ctx.AsOf.AddYears(9));
                    nextReview = verified.AddDays(30);
                    break;
                case "expired":
                    // The identity document expired after verification; the review is due since then.
                    verified = random.DateBetween(joined, ctx.AsOf.AddDays(-2));
                    expiry = random.DateBetween(verified.AddDays(1), ctx.AsOf.AddDays(-1));
                    nextReview = expiry;
                    verifiedBy = Officer(ctx, random, verified);
                    break;
                default:
                    // Rejected: the customer may resubmit within 90 days.
                    verified = random.DateBetween(joined, ctx.AsOf);
                    expiry = random.DateBetween(ctx.AsOf.AddDays(-365), ctx.AsOf.AddYears(5));
                    nextReview = verified.AddDays(90);
                    verifiedBy = Officer(ctx, random, verified);
                    break;
            }

            var document = DocumentTypes.Pick(random);
            var number = document switch
            {
                "passport" => random.Replace("#########"),
                "drivers_license" => random.Replace("?#######"),
                _ => random.Replace("###-##-####"),
            };
            yield return new KycRecordRow(
                ctx.Ids.Kyc(c), ctx.Ids.Customer(c), verified, profile.KycStatus, document, number, expiry, verifiedBy, nextReview, profile.RiskRating);
        }
    }

    private static string Officer(SeedContext ctx, SeedRandom random, DateOnly day) =>
        ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.ComplianceOfficers, day));
}

internal readonly record struct KycRecordRow(
    string KycId,
    string CustomerId,
    DateOnly VerificationDate,
    string KycStatus,
    string DocumentType,
    string DocumentNumber,
    DateOnly ExpiryDate,
    string? VerifiedBy,
    DateOnly NextReviewDate,
    string RiskRating);
