using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.collateral: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class CollateralTable
{
    private static readonly WeightedChoice<string> BusinessCollateral = VocabularyChoice.Of(
        Vocabularies.CollateralCollateralType, ("equipment", 0.50), ("property", 0.30), ("securities", 0.20));

    private static readonly string[] Vehicles =
    [
        "Toyota Camry", "Honda Accord", "Ford F-150", "Chevrolet Silverado", "Tesla Model 3", "Subaru Outback", "Jeep Grand Cherokee",
        "Hyundai Tucson", "BMW X5", "Nissan Rogue", "Kia Telluride", "Mazda CX-5",
    ];

    private static readonly string[] Equipment =
    [
        "CNC milling machines", "commercial kitchen equipment", "delivery van fleet", "point-of-sale systems", "industrial printers",
        "construction excavator", "medical imaging equipment", "warehouse forklifts",
    ];

    private static readonly string[] Homes = ["Single-family home", "Townhouse", "Condominium", "Duplex"];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<CollateralRow>(
        LoansDb.Database,
        "collateral",
        CollateralRows(ctx),
        ("collateral_id", static (w, r) => w.Write(r.CollateralId, NpgsqlDbType.Varchar)),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("collateral_type", static (w, r) => w.Write(r.CollateralType, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("appraised_value", static (w, r) => w.Write(r.AppraisedValue, NpgsqlDbType.Numeric)),
        ("appraisal_date", static (w, r) => w.Write(r.AppraisalDate, NpgsqlDbType.Date)),
        ("ltv_ratio", static (w, r) => w.Write(r.LtvRatio, NpgsqlDbType.Numeric)));

    private static IEnumerable<CollateralRow> CollateralRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("collateral");
        var random = ctx.RandomFor("collateral");
        var collateral = 0;
        for (var l = 0; l < ctx.Loans.Loans.Count; l++)
        {
            var loan = ctx.Loans.Loans[l];

            // Secured types only, and 20 % of those have no collateral on file (not every secured loan has its collateral recorded).
            var type = loan.Type switch
            {
                "mortgage" => "property",
                "auto" => "vehicle",
                "business" => BusinessCollateral.Pick(random),
                _ => null,
            };
            if (type is null || !random.Chance(0.80))
            {
                continue;
            }

            var appraised = Math.Round(loan.Principal * random.Decimal(1.10m, 1.50m), 2);
            var description = type switch
            {
                "property" when loan.Type == "mortgage" =>
                    $"{random.ArrayElement(Homes)} at {faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()}",
                "property" => $"Commercial property at {faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()}",
                "vehicle" => $"{random.Number(ctx.AsOf.Year - 8, ctx.AsOf.Year)} {random.ArrayElement(Vehicles)}",
                "equipment" => $"Business equipment: {random.ArrayElement(Equipment)}",
                _ => $"Pledged brokerage portfolio of {faker.Company.CompanyName()} ({random.Number(5, 40)} positions)",
            };

            // Appraised while the application was being decided, before the money was paid out.
            var appraisal = loan.Disbursement.AddDays(-random.Number(7, 30)).Max(loan.ApplicationDate);
            yield return new CollateralRow(
                ctx.Ids.Collateral(collateral++),
                ctx.Ids.Loan(l),
                VocabularyChoice.Value(Vocabularies.CollateralCollateralType, type),
                description,
                appraised,
                appraisal,
                Math.Round(loan.Principal / appraised, 4));
        }
    }
}

internal readonly record struct CollateralRow(
    string CollateralId,
    string LoanId,
    string CollateralType,
    string Description,
    decimal AppraisedValue,
    DateOnly AppraisalDate,
    decimal LtvRatio);
