using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>
/// compliance_db.audit_trails: the log of who created, changed, viewed or deleted data. Each entry
/// refers to a real customer, account, loan or transaction, at a moment that fits that entity's
/// history (a closure is logged on the closing day, a default after the missed payments). Streamed
/// entity by entity; nothing is kept.
/// </summary>
internal static class AuditTrailsTable
{
    private static readonly string CustomerEntity = VocabularyChoice.Value(Vocabularies.AuditTrailsEntityType, "customer");
    private static readonly string AccountEntity = VocabularyChoice.Value(Vocabularies.AuditTrailsEntityType, "account");
    private static readonly string LoanEntity = VocabularyChoice.Value(Vocabularies.AuditTrailsEntityType, "loan");
    private static readonly string TransactionEntity = VocabularyChoice.Value(Vocabularies.AuditTrailsEntityType, "transaction");

    private static readonly string Create = VocabularyChoice.Value(Vocabularies.AuditTrailsAction, "create");
    private static readonly string Update = VocabularyChoice.Value(Vocabularies.AuditTrailsAction, "update");
    private static readonly string Delete = VocabularyChoice.Value(Vocabularies.AuditTrailsAction, "delete");
    private static readonly string View = VocabularyChoice.Value(Vocabularies.AuditTrailsAction, "view");

    private static readonly string[] ProfileFields = ["address", "phone", "email"];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<AuditTrailRow>(
        ComplianceDb.Database,
        "audit_trails",
        AuditTrailRows(ctx),
        ("entity_type", static (w, r) => w.Write(r.EntityType, NpgsqlDbType.Varchar)),
        ("entity_id", static (w, r) => w.Write(r.EntityId, NpgsqlDbType.Varchar)),
        ("action", static (w, r) => w.Write(r.Action, NpgsqlDbType.Varchar)),
        ("performed_by", static (w, r) => w.Write(r.PerformedBy, NpgsqlDbType.Varchar)),
        ("performed_at", static (w, r) => w.Write(r.PerformedAt, NpgsqlDbType.Timestamp)),
        ("old_value", static (w, r) => w.WriteText(r.OldValue, NpgsqlDbType.Text)),
        ("new_value", static (w, r) => w.WriteText(r.NewValue, NpgsqlDbType.Text)),
        ("ip_address", static (w, r) => w.Write(r.IpAddress, NpgsqlDbType.Varchar)));

    private static IEnumerable<AuditTrailRow> AuditTrailRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("audit_trails");
        AuditTrailRow Entry(string type, string id, string action, StaffPool pool, DateTime at, string? oldValue, string? newValue) =>
            new(type, id, action, ctx.Ids.Employee(ctx.Employees.Pick(random, pool, at.Day())), at, oldValue, newValue,
                $"10.{random.Number(0, 255)}.{random.Number(0, 255)}.{random.Number(1, 254)}");

        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var id = ctx.Ids.Customer(c);
            var createdAt = ctx.Customers.CreatedAt(c);
            var profile = ctx.Profiles[c];
            yield return Entry(CustomerEntity, id, Create, StaffPool.FrontOffice, createdAt, null, Json("customer_status", "active"));

            if (profile.UpdatedAt > createdAt)
            {
                var field = random.ArrayElement(ProfileFields);
                yield return Entry(CustomerEntity, id, Update, StaffPool.FrontOffice, profile.UpdatedAt, Json(field, Masked(random, field)), Json(field, Masked(random, field)));
            }

            if (profile.Status != "active")
            {
                var at = random.MomentBetween(profile.UpdatedAt, ctx.AsOfEndOfDay);
                yield return Entry(CustomerEntity, id, Update, StaffPool.FrontOffice, at, Json("customer_status", "active"), Json("customer_status", profile.Status));
            }

            // A secondary contact removed at the customer's request.
            if (random.Chance(0.02))
            {
                yield return Entry(CustomerEntity, id, Delete, StaffPool.FrontOffice, random.MomentBetween(createdAt, ctx.AsOfEndOfDay), Json("secondary_phone", "(removed)"), null);
            }

            for (var v = random.Number(0, 2); v > 0; v--)
            {
                yield return Entry(CustomerEntity, id, View, random.Chance(0.8) ? StaffPool.FrontOffice : StaffPool.Auditors,
                    random.MomentBetween(createdAt, ctx.AsOfEndOfDay), null, null);
            }
        }

        for (var a = 0; a < ctx.Accounts.Count; a++)
        {
            var account = ctx.Accounts[a];
            var id = ctx.Ids.Account(a);
            var openedAt = account.Ledger.OpenedAt;
            yield return Entry(AccountEntity, id, Create, StaffPool.FrontOffice, openedAt, null, Json("account_status", "active"));

            if (account.Status == "frozen")
            {
                var frozenAt = random.MomentBetween(openedAt, ctx.AsOfEndOfDay);
                yield return Entry(AccountEntity, id, Update, StaffPool.ComplianceOfficers, frozenAt, Json("account_status", "active"), Json("account_status", "frozen"));
            }

            if (account.Closed is { } closed)
            {
                yield return Entry(AccountEntity, id, Update, StaffPool.FrontOffice, closed.ToDateTime(new TimeOnly(16, 45)), Json("account_status", "active"), Json("account_status", "closed"));
            }

            if (random.Chance(0.50))
            {
                yield return Entry(AccountEntity, id, View, StaffPool.FrontOffice, random.MomentBetween(openedAt, ctx.AsOfEndOfDay), null, null);
            }

            // Auditors look at the largest movement of a quarter of the accounts.
            if (random.Chance(0.25))
            {
                var largestAt = account.Ledger.LargestAt;
                var at = random.MomentBetween(largestAt, largestAt.AddDays(30)).Min(ctx.AsOfEndOfDay);
                yield return Entry(TransactionEntity, ctx.Ids.Transaction(account.FirstTransaction + account.Ledger.Largest), View, StaffPool.Auditors, at, null, null);
            }
        }

        var loans = ctx.Loans.Loans;
        for (var l = 0; l < loans.Count; l++)
        {
            var loan = loans[l];
            var id = ctx.Ids.Loan(l);
            yield return Entry(LoanEntity, id, Create, StaffPool.LoanOfficers, random.TimeOn(loan.Disbursement, 9, 17), null, Json("loan_status", "active"));

            DateOnly? changed = loan.Status switch
            {
                "paid_off" => loan.PayoffDate ?? loan.DueDate(loan.TermMonths).Min(ctx.AsOf),
                "defaulted" => loan.DueDate(loan.DefaultFrom).AddDays(90).Min(ctx.AsOf),
                "restructured" => random.DateBetween(loan.Disbursement, ctx.AsOf),
                _ => null,
            };
            if (changed is { } day)
            {
                var pool = loan.Status == "defaulted" ? StaffPool.RiskAssessors : StaffPool.LoanOfficers;
                yield return Entry(LoanEntity, id, Update, pool, random.TimeOn(day, 9, 17), Json("loan_status", "active"), Json("loan_status", loan.Status));
            }
        }
    }

    // Personal data is masked in the log, as an audit trail must not copy it.
    private static string Masked(SeedRandom random, string field) => field switch
    {
        "phone" => $"***-***-{random.Number(1000, 9999)}",
        "email" => $"***@{random.ArrayElement(MailDomains)}",
        _ => $"*** {random.ArrayElement(StreetSuffixes)}, {SeedIds.Branch(random.Number(0, SeedIds.BranchCount - 1))} area",
    };

    private static readonly string[] MailDomains = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"];

    private static readonly string[] StreetSuffixes = ["Street", "Avenue", "Road", "Lane", "Boulevard"];

    private static string Json(string field, string value) => $"{{\"{field}\": \"{value}\"}}";
}

internal readonly record struct AuditTrailRow(
    string EntityType,
    string EntityId,
    string Action,
    string PerformedBy,
    DateTime PerformedAt,
    string? OldValue,
    string? NewValue,
    string IpAddress);
