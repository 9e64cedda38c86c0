using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db.transactions: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class TransactionsTable
{
    private static readonly string[] Billers =
    [
        "Electric Utility", "Water & Sewer Utility", "Mobile Phone Carrier", "Internet Service Provider", "Credit Card Payment",
        "Auto Insurance Premium", "Monthly Rent", "Student Loan Servicer", "Gym Membership", "Streaming Subscription",
    ];

    private static readonly string[] ServiceFees = ["Monthly Maintenance Fee", "Out-of-Network ATM Fee", "Paper Statement Fee", "Wire Transfer Fee"];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<TransactionRow>(
        AccountsDb.Database,
        "transactions",
        TransactionRows(ctx),
        ("transaction_id", static (w, r) => w.Write(r.TransactionId, NpgsqlDbType.Varchar)),
        ("account_id", static (w, r) => w.Write(r.AccountId, NpgsqlDbType.Varchar)),
        ("transaction_type", static (w, r) => w.Write(r.TransactionType, NpgsqlDbType.Varchar)),
        ("transaction_amount", static (w, r) => w.Write(r.TransactionAmount, NpgsqlDbType.Numeric)),
        ("transaction_date", static (w, r) => w.Write(r.TransactionDate, NpgsqlDbType.Timestamp)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("balance_after", static (w, r) => w.Write(r.BalanceAfter, NpgsqlDbType.Numeric)),
        ("counterparty_account", static (w, r) => w.WriteText(r.CounterpartyAccount)),
        ("processed_by", static (w, r) => w.WriteText(r.ProcessedBy)));

    private static IEnumerable<TransactionRow> TransactionRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("transactions");
        var merchants = MerchantDirectory.Draw(ctx.FakerFor("transactions"));
        var accounts = ctx.Accounts;
        for (var a = 0; a < accounts.Count; a++)
        {
            var account = accounts[a];
            var ledger = AccountLedger.Replay(ctx, a, account);
            if (ledger.Count != account.TransactionCount)
            {
                throw new InvalidOperationException($"The ledger of account {a} replayed differently ({ledger.Count} entries, {account.TransactionCount} expected).");
            }

            for (var k = 0; k < ledger.Count; k++)
            {
                var entry = ledger[k];
                var kind = TransactionKinds.Of(entry.Kind);
                string? counterparty = null;
                if (entry.Kind is TransactionKind.TransferIn or TransactionKind.TransferOut && accounts.Count > 1)
                {
                    counterparty = ctx.Ids.AccountNumber((a + random.Number(1, accounts.Count - 1)) % accounts.Count);
                }

                var processedBy = kind.AtBranch
                    ? ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.FrontOffice, entry.At.Day()))
                    : null;

                yield return new TransactionRow(
                    ctx.Ids.Transaction(account.FirstTransaction + k),
                    ctx.Ids.Account(a),
                    kind.Type,
                    entry.Amount,
                    entry.At,
                    Describe(random, merchants, entry.Kind, account.BranchCode, counterparty),
                    entry.BalanceAfter,
                    counterparty,
                    processedBy);
            }
        }
    }

    private static string Describe(SeedRandom random, MerchantDirectory merchants, TransactionKind kind, string branch, string? counterparty) => kind switch
    {
        TransactionKind.OpeningDeposit => "Account opening deposit",
        TransactionKind.PayrollDeposit => $"Direct Deposit - {random.ArrayElement(merchants.Employers)} Payroll",
        TransactionKind.CashDeposit => $"Cash Deposit - Branch {branch}",
        TransactionKind.MobileCheckDeposit => "Mobile Check Deposit",
        TransactionKind.AtmWithdrawal => $"ATM Withdrawal - {random.ArrayElement(merchants.Cities)}",
        TransactionKind.BranchWithdrawal => $"Cash Withdrawal - Branch {branch}",
        TransactionKind.CardPurchase => $"Card Purchase - {random.ArrayElement(merchants.Merchants)}",
        TransactionKind.BillPayment => $"Bill Payment - {random.ArrayElement(Billers)}",
        TransactionKind.ServiceFee => random.ArrayElement(ServiceFees),
        TransactionKind.Interest => "Interest Credit",
        TransactionKind.TransferIn => counterparty is null ? "Incoming transfer" : $"Transfer from account ending {counterparty[^4..]}",
        TransactionKind.TransferOut => counterparty is null ? "Outgoing transfer" : $"Transfer to account ending {counterparty[^4..]}",
        TransactionKind.ClosingPayout => "Account closure - final balance paid out",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transaction kind."),
    };
}

internal readonly record struct TransactionRow(
    string TransactionId,
    string AccountId,
    string TransactionType,
    decimal TransactionAmount,
    DateTime TransactionDate,
    string Description,
    decimal BalanceAfter,
    string? CounterpartyAccount,
    string? ProcessedBy);
