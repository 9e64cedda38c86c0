using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>compliance_db.regulatory_reports: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class RegulatoryReportsTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<RegulatoryReportRow>(
        ComplianceDb.Database,
        "regulatory_reports",
        RegulatoryReportRows(ctx),
        ("report_id", static (w, r) => w.Write(r.ReportId, NpgsqlDbType.Varchar)),
        ("report_type", static (w, r) => w.Write(r.ReportType, NpgsqlDbType.Varchar)),
        ("reporting_period_start", static (w, r) => w.Write(r.ReportingPeriodStart, NpgsqlDbType.Date)),
        ("reporting_period_end", static (w, r) => w.Write(r.ReportingPeriodEnd, NpgsqlDbType.Date)),
        ("submission_date", static (w, r) => w.WriteNullable(r.SubmissionDate, NpgsqlDbType.Date)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("prepared_by", static (w, r) => w.Write(r.PreparedBy, NpgsqlDbType.Varchar)),
        ("approved_by", static (w, r) => w.WriteText(r.ApprovedBy)));

    private static IEnumerable<RegulatoryReportRow> RegulatoryReportRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("regulatory_reports");
        var complianceHead = HeadOf(ctx, "Compliance & Risk");
        var financeHead = HeadOf(ctx, "Finance");

        // The last eight completed quarters: quarterly filing and capital adequacy every quarter,
        // liquidity for the last four, a stress test per year. A fixed 22 reports, whatever the scale.
        var quarterEnd = LastQuarterEnd(ctx.AsOf);
        var report = 0;
        for (var q = 7; q >= 0; q--)
        {
            var end = EndOfMonth(quarterEnd.AddMonths(-3 * q));
            var start = new DateOnly(end.Year, end.Month, 1).AddMonths(-2);
            var types = new List<string> { "quarterly_filing", "capital_adequacy" };
            if (q < 4)
            {
                types.Add("liquidity");
            }

            if (end.Month == 12)
            {
                types.Add("stress_test");
            }

            foreach (var type in types)
            {
                var periodStart = type == "stress_test" ? new DateOnly(end.Year, 1, 1) : start;
                var due = end.AddDays(random.Number(30, 45));
                string status;
                DateOnly? submitted = null;
                if (due > ctx.AsOf)
                {
                    status = "pending";
                }
                else
                {
                    submitted = due;
                    status = ctx.AsOf.DayNumber - due.DayNumber < 30 ? "submitted" : random.Chance(0.92) ? "accepted" : "rejected";
                }

                var approver = type is "capital_adequacy" or "liquidity" ? financeHead ?? complianceHead : complianceHead ?? financeHead;
                yield return new RegulatoryReportRow(
                    ctx.Ids.RegulatoryReport(report++),
                    VocabularyChoice.Value(Vocabularies.RegulatoryReportsReportType, type),
                    periodStart,
                    end,
                    submitted,
                    VocabularyChoice.Value(Vocabularies.RegulatoryReportsStatus, status),
                    ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.ReportPreparers, end)),
                    status == "pending" || approver is null ? null : ctx.Ids.Employee(approver.Value));
            }
        }
    }

    private static int? HeadOf(SeedContext ctx, string department) =>
        ctx.Employees.HeadOf(Vocabularies.EmployeesDepartment.Values.ToList().IndexOf(department));

    private static DateOnly LastQuarterEnd(DateOnly day)
    {
        var end = EndOfMonth(new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 3, 1));
        return end <= day ? end : EndOfMonth(end.AddMonths(-3));
    }

    private static DateOnly EndOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
}

internal readonly record struct RegulatoryReportRow(
    string ReportId,
    string ReportType,
    DateOnly ReportingPeriodStart,
    DateOnly ReportingPeriodEnd,
    DateOnly? SubmissionDate,
    string Status,
    string PreparedBy,
    string? ApprovedBy);
