using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.risk_assessments: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class RiskAssessmentsTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<RiskAssessmentRow>(
        LoansDb.Database,
        "risk_assessments",
        RiskAssessmentRows(ctx),
        ("loan_id", static (w, r) => w.WriteText(r.LoanId)),
        ("application_id", static (w, r) => w.WriteText(r.ApplicationId)),
        ("assessment_date", static (w, r) => w.Write(r.AssessmentDate, NpgsqlDbType.Date)),
        ("risk_score", static (w, r) => w.Write(r.RiskScore, NpgsqlDbType.Integer)),
        ("pd_probability", static (w, r) => w.Write(r.PdProbability, NpgsqlDbType.Numeric)),
        ("credit_grade", static (w, r) => w.Write(r.CreditGrade, NpgsqlDbType.Varchar)),
        ("assessed_by", static (w, r) => w.Write(r.AssessedBy, NpgsqlDbType.Varchar)));

    private static IEnumerable<RiskAssessmentRow> RiskAssessmentRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("risk_assessments");
        var registry = ctx.Loans;

        // Every application was scored when it came in; the score explains the decision.
        for (var a = 0; a < registry.Applications.Count; a++)
        {
            var application = registry.Applications[a];
            var score = application.Status switch
            {
                "approved" => random.Number(650, 850),
                "rejected" => random.Number(480, 700),
                _ => random.Number(560, 820),
            };
            yield return Assessment(ctx, random, null, ctx.Ids.Application(a), application.ApplicationDate, score);
        }

        // 40 % of loans were reassessed later; the score reflects how repayment went.
        var reassessed = new SelectionSample((int)(0.40 * registry.Loans.Count), registry.Loans.Count);
        for (var l = 0; l < registry.Loans.Count; l++)
        {
            if (!reassessed.Next(random))
            {
                continue;
            }

            var loan = registry.Loans[l];
            var date = loan.Status == "defaulted"
                ? loan.DueDate(loan.DefaultFrom).AddDays(random.Number(30, 120)).Min(ctx.AsOf)
                : loan.Disbursement.AddDays(random.Number(180, 730)).Min(ctx.AsOf);
            var score = loan.Status switch
            {
                "defaulted" => random.Number(300, 550),
                "paid_off" => random.Number(700, 850),
                _ => random.Number(600, 800),
            };
            yield return Assessment(ctx, random, ctx.Ids.Loan(l), null, date, score);
        }
    }

    private static RiskAssessmentRow Assessment(SeedContext ctx, SeedRandom random, string? loanId, string? applicationId, DateOnly date, int score) =>
        new(loanId,
            applicationId,
            date,
            score,
            CreditScoring.ProbabilityOfDefault(score),
            VocabularyChoice.Value(Vocabularies.RiskAssessmentsCreditGrade, CreditScoring.Grade(score)),
            ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.RiskAssessors, date)));
}

internal readonly record struct RiskAssessmentRow(
    string? LoanId,
    string? ApplicationId,
    DateOnly AssessmentDate,
    int RiskScore,
    decimal PdProbability,
    string CreditGrade,
    string AssessedBy);
