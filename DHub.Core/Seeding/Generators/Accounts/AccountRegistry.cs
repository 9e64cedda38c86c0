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

internal sealed class AccountRegistry() : TableOutput("accounts_db.accounts")
{
    private readonly List<AccountFact> _accounts = [];

    // _customerStart[c] = index of customer c's first account; one extra entry closes the last customer.
    private readonly List<int> _customerStart = [];

    private long _transactionCount;

    public int Count
    {
        get
        {
            EnsureComplete();
            return _accounts.Count;
        }
    }

    public long TransactionCount
    {
        get
        {
            EnsureComplete();
            return _transactionCount;
        }
    }

    public AccountFact this[int account]
    {
        get
        {
            EnsureComplete();
            return _accounts[account];
        }
    }

    /// <summary>Indexes of the customer's accounts (empty for the quarter of customers without one).</summary>
    public IEnumerable<int> AccountsOf(int customer)
    {
        EnsureComplete();
        return Enumerable.Range(_customerStart[customer], _customerStart[customer + 1] - _customerStart[customer]);
    }

    /// <summary>Marks the start of the next customer's accounts; call once per customer, in order, and once more at the end.</summary>
    internal void StartCustomer() => _customerStart.Add(_accounts.Count);

    internal void Add(int customer, string type, string status, DateOnly opened, DateOnly? closed, string branchCode, int transactionCount, LedgerHighlights ledger)
    {
        _accounts.Add(new AccountFact(customer, type, status, opened, closed, branchCode, transactionCount, _transactionCount, ledger));
        _transactionCount += transactionCount;
    }

    protected override void Clear()
    {
        _accounts.Clear();
        _customerStart.Clear();
        _transactionCount = 0;
    }
}
