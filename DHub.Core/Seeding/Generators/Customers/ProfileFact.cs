namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>The CRM facts later tables stay consistent with (KYC mirrors kyc_status, portfolios mirror the agent, …).</summary>
internal readonly record struct ProfileFact(
    string Segment,
    string Status,
    string KycStatus,
    string RiskRating,
    int? AgentIndex,
    DateTime UpdatedAt);
