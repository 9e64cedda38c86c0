namespace DHub.Core.Seeding;

public sealed partial class SeedContext
{
    /// <summary>Customer master (phase 1, accounts_db.customers): customer i has id <c>Ids.Customer(i)</c>.</summary>
    internal CustomerRegistry Customers { get; } = new();

    /// <summary>CRM profiles (phase 1, customer_db.customer_profiles), one per customer, same index.</summary>
    internal ProfileRegistry Profiles { get; } = new();
}

/// <summary>When each customer joined: nothing about a customer can happen before it.</summary>
internal sealed class CustomerRegistry
{
    private readonly List<DateTime> createdAt = [];

    public int Count => createdAt.Count;

    public DateTime CreatedAt(int customer) => createdAt[customer];

    internal void Reset() => createdAt.Clear();

    internal void Add(DateTime created) => createdAt.Add(created);
}

/// <summary>The CRM facts later tables stay consistent with (KYC mirrors kyc_status, portfolios mirror the agent, …).</summary>
internal readonly record struct ProfileFact(
    string Segment,
    string Status,
    string KycStatus,
    string RiskRating,
    int? AgentIndex,
    DateTime UpdatedAt);

internal sealed class ProfileRegistry
{
    private readonly List<ProfileFact> profiles = [];

    public int Count => profiles.Count;

    public ProfileFact this[int customer] => profiles[customer];

    internal void Reset() => profiles.Clear();

    internal void Add(ProfileFact profile) => profiles.Add(profile);
}
