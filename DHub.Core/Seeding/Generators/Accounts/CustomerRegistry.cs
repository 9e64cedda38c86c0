namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>When each customer joined: nothing about a customer can happen before it.</summary>
internal sealed class CustomerRegistry() : TableOutput("accounts_db.customers")
{
    private readonly List<DateTime> _createdAt = [];

    public int Count
    {
        get
        {
            EnsureComplete();
            return _createdAt.Count;
        }
    }

    public DateTime CreatedAt(int customer)
    {
        EnsureComplete();
        return _createdAt[customer];
    }

    internal void Add(DateTime created) => _createdAt.Add(created);

    protected override void Clear() => _createdAt.Clear();
}
