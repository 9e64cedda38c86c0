namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>
/// An account and the shape of its ledger. <see cref="FirstTransaction"/> is the global index of
/// its first transaction, so transaction ids of any account are known without storing a single
/// transaction; the ledger itself is replayed from the account's own seed when needed.
/// </summary>
internal readonly record struct AccountFact(
    int CustomerIndex,
    string Type,
    string Status,
    DateOnly Opened,
    DateOnly? Closed,
    string BranchCode,
    int TransactionCount,
    long FirstTransaction,
    LedgerHighlights Ledger);

/// <summary>
/// The two movements of a ledger that compliance and audit look at: the opening deposit and the
/// largest movement (by absolute amount). Kept per account so that those tables need not replay
/// every ledger again; only the transactions table replays them in full.
/// </summary>
internal readonly record struct LedgerHighlights(DateTime OpenedAt, int Largest, decimal LargestAmount, DateTime LargestAt);

internal sealed class AccountRegistry
{
    private readonly List<AccountFact> accounts = [];

    // customerStart[c] = index of customer c's first account; one extra entry closes the last customer.
    private readonly List<int> customerStart = [];

    public int Count => accounts.Count;

    public long TransactionCount { get; private set; }

    public AccountFact this[int account] => accounts[account];

    /// <summary>Indexes of the customer's accounts (empty for the quarter of customers without one).</summary>
    public IEnumerable<int> AccountsOf(int customer) =>
        Enumerable.Range(customerStart[customer], customerStart[customer + 1] - customerStart[customer]);

    internal void Reset()
    {
        accounts.Clear();
        customerStart.Clear();
        TransactionCount = 0;
    }

    /// <summary>Marks the start of the next customer's accounts; call once per customer, in order, and once more at the end.</summary>
    internal void StartCustomer() => customerStart.Add(accounts.Count);

    internal void Add(int customer, string type, string status, DateOnly opened, DateOnly? closed, string branchCode, int transactionCount, LedgerHighlights ledger)
    {
        accounts.Add(new AccountFact(customer, type, status, opened, closed, branchCode, transactionCount, TransactionCount, ledger));
        TransactionCount += transactionCount;
    }
}
