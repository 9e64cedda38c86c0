namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>When each customer joined: nothing about a customer can happen before it.</summary>
internal sealed class CustomerRegistry
{
    private readonly List<DateTime> createdAt = [];

    public int Count => createdAt.Count;

    public DateTime CreatedAt(int customer) => createdAt[customer];

    internal void Reset() => createdAt.Clear();

    internal void Add(DateTime created) => createdAt.Add(created);
}
