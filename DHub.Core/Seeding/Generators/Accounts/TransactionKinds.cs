using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>
/// What happened on an account, finer than the transaction_type vocabulary: a payroll deposit and
/// a cash deposit are both 'deposit' but differ in amount, description and channel.
/// </summary>
internal enum TransactionKind
{
    OpeningDeposit,
    PayrollDeposit,
    CashDeposit,
    MobileCheckDeposit,
    AtmWithdrawal,
    BranchWithdrawal,
    CardPurchase,
    BillPayment,
    ServiceFee,
    Interest,
    TransferIn,
    TransferOut,
    ClosingPayout,
}

/// <param name="Type">The transaction_type written (checked against the vocabulary).</param>
/// <param name="IsCredit">Credits are stored positive, debits negative (the sign convention).</param>
/// <param name="AtBranch">Done at a counter, so processed_by is a teller; otherwise automated (NULL).</param>
internal sealed record TransactionKindProfile(TransactionKind Kind, string Type, bool IsCredit, bool AtBranch, decimal MinAmount, decimal MaxAmount);

internal static class TransactionKinds
{
    // Indexed by TransactionKind. Salaries and refunds are deposits; interest and transfers are
    // vocabulary values of their own.
    private static readonly TransactionKindProfile[] Profiles =
    [
        Kind(TransactionKind.OpeningDeposit, "deposit", credit: true, atBranch: true, 0m, 0m),
        Kind(TransactionKind.PayrollDeposit, "deposit", credit: true, atBranch: false, 1_000m, 8_000m),
        Kind(TransactionKind.CashDeposit, "deposit", credit: true, atBranch: true, 50m, 3_000m),
        Kind(TransactionKind.MobileCheckDeposit, "deposit", credit: true, atBranch: false, 50m, 2_500m),
        Kind(TransactionKind.AtmWithdrawal, "withdrawal", credit: false, atBranch: false, 20m, 800m),
        Kind(TransactionKind.BranchWithdrawal, "withdrawal", credit: false, atBranch: true, 100m, 5_000m),
        Kind(TransactionKind.CardPurchase, "payment", credit: false, atBranch: false, 5m, 500m),
        Kind(TransactionKind.BillPayment, "payment", credit: false, atBranch: false, 40m, 2_500m),
        Kind(TransactionKind.ServiceFee, "fee", credit: false, atBranch: false, 5m, 35m),
        Kind(TransactionKind.Interest, "interest", credit: true, atBranch: false, 0.01m, 0m),
        Kind(TransactionKind.TransferIn, "transfer", credit: true, atBranch: false, 100m, 10_000m),
        Kind(TransactionKind.TransferOut, "transfer", credit: false, atBranch: false, 100m, 10_000m),
        Kind(TransactionKind.ClosingPayout, "withdrawal", credit: false, atBranch: true, 0m, 0m),
    ];

    public static TransactionKindProfile Of(TransactionKind kind) => Profiles[(int)kind];

    private static TransactionKindProfile Kind(TransactionKind kind, string type, bool credit, bool atBranch, decimal min, decimal max) =>
        new(kind, VocabularyChoice.Value(Vocabularies.TransactionsTransactionType, type), credit, atBranch, min, max);
}
