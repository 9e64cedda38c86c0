using System.Globalization;
using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>insurance_db.premium_payments: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class PremiumPaymentsTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<PremiumPaymentRow>(
        InsuranceDb.Database,
        "premium_payments",
        PremiumPaymentRows(ctx),
        ("payment_id", static (w, r) => w.Write(r.PaymentId, NpgsqlDbType.Varchar)),
        ("policy_id", static (w, r) => w.Write(r.PolicyId, NpgsqlDbType.Varchar)),
        ("payment_date", static (w, r) => w.Write(r.PaymentDate, NpgsqlDbType.Date)),
        ("amount", static (w, r) => w.Write(r.Amount, NpgsqlDbType.Numeric)),
        ("payment_method", static (w, r) => w.Write(r.PaymentMethod, NpgsqlDbType.Varchar)),
        ("from_account_id", static (w, r) => w.WriteText(r.FromAccountId)),
        ("payment_status", static (w, r) => w.Write(r.PaymentStatus, NpgsqlDbType.Varchar)));

    private static IEnumerable<PremiumPaymentRow> PremiumPaymentRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("premium_payments");
        var historyStart = ctx.AsOf.AddMonths(-24);
        long payment = 0;
        for (var p = 0; p < ctx.Policies.Count; p++)
        {
            var policy = ctx.Policies[p];
            var until = policy.CoveredUntil(ctx.AsOf);
            var months = InsuranceProducts.MonthsPerPremium(policy.Frequency);

            // The billing history of the last 24 months: every premium due in the policy period.
            var dues = new List<DateOnly>();
            for (var k = 0; policy.Start.AddMonths(k * months) <= until; k++)
            {
                var due = policy.Start.AddMonths(k * months);
                if (due >= historyStart)
                {
                    dues.Add(due);
                }

                if (policy.Type == "travel")
                {
                    break; // a single premium per trip
                }
            }

            for (var i = 0; i < dues.Count; i++)
            {
                var (method, account) = PaymentMethod(random, ctx, policy);
                var paid = dues[i].AddDays(method == "check" ? random.Number(0, 5) : 0).Min(until);

                // A lapsed policy lapsed because its last two premiums failed.
                var status = policy.Status == "lapsed" && i >= dues.Count - 2 ? "failed"
                    : method == "check" && ctx.AsOf.DayNumber - paid.DayNumber < 3 ? "pending"
                    : random.Chance(0.03) ? "failed"
                    : random.Chance(0.01) ? "reversed"
                    : "completed";
                yield return new PremiumPaymentRow(
                    ctx.Ids.PremiumPayment(payment++),
                    ctx.Ids.Policy(p),
                    paid,
                    policy.Premium,
                    method,
                    account is { } a ? ctx.Ids.Account(a) : null,
                    VocabularyChoice.Value(Vocabularies.PremiumPaymentsPaymentStatus, status));
            }
        }
    }

    // Debits and online or wire payments come from the holder's linked account; cheques from no account.
    private static (string Method, int? Account) PaymentMethod(SeedRandom random, SeedContext ctx, in PolicyFact policy)
    {
        var draw = random.Double();
        var method = policy.LinkedAccount is null
            ? draw < 0.5 ? "online" : "check"
            : draw < 0.60 ? "auto_debit" : draw < 0.80 ? "online" : draw < 0.90 ? "wire_transfer" : "check";
        return (VocabularyChoice.Value(Vocabularies.PremiumPaymentsPaymentMethod, method), method == "check" ? null : policy.LinkedAccount);
    }
}

internal readonly record struct PremiumPaymentRow(
    string PaymentId,
    string PolicyId,
    DateOnly PaymentDate,
    decimal Amount,
    string PaymentMethod,
    string? FromAccountId,
    string PaymentStatus);
