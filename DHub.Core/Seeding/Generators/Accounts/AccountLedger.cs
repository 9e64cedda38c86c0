using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>One movement on an account: signed amount (credit positive) and the running balance after it.</summary>
internal readonly record struct LedgerEntry(DateTime At, TransactionKind Kind, decimal Amount, decimal BalanceAfter);

/// <summary>
/// The history of one account, replayed from the account's own seed. The accounts table replays it
/// to write the final balance, the transactions table replays it to stream the rows, and the
/// compliance tables replay single accounts to find real transactions, so the same entries come
/// out every time and nothing has to be kept in memory.
/// </summary>
internal static class AccountLedger
{
    /// <summary>How an account type is used: size of the opening deposit, scale of transfers, mix of activity, interest per credit.</summary>
    private sealed record LedgerProfile(
        decimal OpeningMin,
        decimal OpeningMax,
        decimal TransferScale,
        decimal InterestMin,
        decimal InterestMax,
        WeightedChoice<TransactionKind> Activity);

    private static readonly Dictionary<string, LedgerProfile> Profiles = new(StringComparer.Ordinal)
    {
        ["checking"] = new(100m, 5_000m, 1m, 0m, 0m, new(
            (TransactionKind.PayrollDeposit, 0.18), (TransactionKind.CashDeposit, 0.06), (TransactionKind.MobileCheckDeposit, 0.08),
            (TransactionKind.AtmWithdrawal, 0.14), (TransactionKind.BranchWithdrawal, 0.03), (TransactionKind.CardPurchase, 0.24),
            (TransactionKind.BillPayment, 0.12), (TransactionKind.ServiceFee, 0.05), (TransactionKind.TransferIn, 0.04),
            (TransactionKind.TransferOut, 0.06))),
        ["savings"] = new(500m, 20_000m, 1.5m, 0.0005m, 0.002m, new(
            (TransactionKind.CashDeposit, 0.10), (TransactionKind.MobileCheckDeposit, 0.08), (TransactionKind.TransferIn, 0.30),
            (TransactionKind.TransferOut, 0.15), (TransactionKind.BranchWithdrawal, 0.07), (TransactionKind.Interest, 0.30))),
        ["money_market"] = new(10_000m, 250_000m, 5m, 0.001m, 0.003m, new(
            (TransactionKind.CashDeposit, 0.05), (TransactionKind.TransferIn, 0.25), (TransactionKind.TransferOut, 0.20),
            (TransactionKind.BranchWithdrawal, 0.08), (TransactionKind.Interest, 0.35), (TransactionKind.ServiceFee, 0.07))),
        ["cd"] = new(5_000m, 200_000m, 1m, 0.002m, 0.008m, new((TransactionKind.Interest, 1.0))),
    };

    public static List<LedgerEntry> Replay(SeedContext ctx, int accountIndex, in AccountFact account) =>
        Build(ctx, accountIndex, account.Type, account.Opened, account.Closed);

    public static LedgerHighlights Highlights(List<LedgerEntry> ledger)
    {
        var largest = LargestMovement(ledger);
        return new LedgerHighlights(ledger[0].At, largest, Math.Abs(ledger[largest].Amount), ledger[largest].At);
    }

    /// <summary>Position of the largest movement (by absolute amount) of a ledger: what monitoring and audits look at.</summary>
    private static int LargestMovement(List<LedgerEntry> ledger)
    {
        var largest = 0;
        for (var k = 1; k < ledger.Count; k++)
        {
            if (Math.Abs(ledger[k].Amount) > Math.Abs(ledger[largest].Amount))
            {
                largest = k;
            }
        }

        return largest;
    }

    public static List<LedgerEntry> Build(SeedContext ctx, int accountIndex, string accountType, DateOnly opened, DateOnly? closed)
    {
        var random = EntityRandom.For(ctx, "transactions", accountIndex);
        var profile = Profiles[accountType];
        var openedAt = random.TimeOn(opened, 9, 16);

        // A closed account stops moving at the close of business on its closing day; the payout follows.
        var activityEnd = closed is { } closedOn ? closedOn.ToDateTime(new TimeOnly(16, 0)) : ctx.AsOfEndOfDay;

        // About 15 entries per account, but never more than one per day of the account's life.
        var lifeInDays = (closed ?? ctx.AsOf).DayNumber - opened.DayNumber;
        var moments = new DateTime[Math.Min(random.Number(9, 19), lifeInDays)];
        for (var i = 0; i < moments.Length; i++)
        {
            moments[i] = random.MomentBetween(openedAt.AddMinutes(1), activityEnd);
        }

        Array.Sort(moments);

        var entries = new List<LedgerEntry>(moments.Length + 2);
        var balance = 0m;
        void Post(DateTime at, TransactionKind kind, decimal amount)
        {
            balance += amount;
            entries.Add(new LedgerEntry(at, kind, amount, balance));
        }

        Post(openedAt, TransactionKind.OpeningDeposit, random.Money(profile.OpeningMin, profile.OpeningMax));
        foreach (var at in moments)
        {
            var kind = TransactionKinds.Of(profile.Activity.Pick(random));
            var amount = Draw(random, kind, profile, balance);
            if (kind.IsCredit)
            {
                Post(at, kind.Kind, amount);
            }
            else if (amount >= kind.MinAmount)
            {
                Post(at, kind.Kind, -amount);
            }
            else
            {
                // Not enough money for this debit: the customer tops the account up instead.
                Post(at, TransactionKind.CashDeposit, random.Money(100m, 1_000m));
            }
        }

        if (closed is { } closedDay && balance > 0)
        {
            Post(closedDay.ToDateTime(new TimeOnly(16, 30)), TransactionKind.ClosingPayout, -balance);
        }

        return entries;
    }

    private static decimal Draw(SeedRandom random, TransactionKindProfile kind, LedgerProfile profile, decimal balance)
    {
        switch (kind.Kind)
        {
            case TransactionKind.Interest:
                return Math.Max(0.01m, Math.Round(balance * random.Decimal(profile.InterestMin, profile.InterestMax), 2));
            case TransactionKind.TransferIn:
                return random.Money(kind.MinAmount * profile.TransferScale, kind.MaxAmount * profile.TransferScale);
            case TransactionKind.TransferOut:
                return Affordable(random, random.Money(kind.MinAmount * profile.TransferScale, kind.MaxAmount * profile.TransferScale), balance);
            default:
                var amount = random.Money(kind.MinAmount, kind.MaxAmount);
                return kind.IsCredit ? amount : Affordable(random, amount, balance);
        }
    }

    // Accounts are never overdrawn: a debit larger than the balance shrinks to part of it.
    private static decimal Affordable(SeedRandom random, decimal amount, decimal balance) =>
        amount <= balance ? amount : Math.Round(balance * random.Decimal(0.2m, 0.9m), 2);
}
