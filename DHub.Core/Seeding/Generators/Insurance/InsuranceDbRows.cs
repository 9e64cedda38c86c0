namespace DHub.Core.Seeding.Generators.Insurance;

// One record per insurance_db table; property names are the column names in PascalCase, in column order
// (SERIAL keys omitted).

internal readonly record struct PolicyRow(
    string PolicyId,
    string PolicyNumber,
    string CustomerId,
    string PolicyType,
    string PolicyStatus,
    decimal CoverageAmount,
    decimal PremiumAmount,
    string PremiumFrequency,
    DateOnly StartDate,
    DateOnly EndDate,
    string? LinkedAccountId,
    string AgentId,
    DateTime CreatedAt);

internal readonly record struct BeneficiaryRow(
    string PolicyId,
    string BeneficiaryName,
    string Relationship,
    int Percentage,
    string ContactInfo);

internal readonly record struct ClaimRow(
    string ClaimId,
    string PolicyId,
    string ClaimNumber,
    string ClaimType,
    decimal ClaimAmount,
    DateOnly ClaimDate,
    string Status,
    decimal? ApprovedAmount,
    DateOnly? SettlementDate,
    string Description,
    string? ProcessedBy);

internal readonly record struct PremiumPaymentRow(
    string PaymentId,
    string PolicyId,
    DateOnly PaymentDate,
    decimal Amount,
    string PaymentMethod,
    string? FromAccountId,
    string PaymentStatus);

internal readonly record struct PolicyEventRow(
    string PolicyId,
    string EventType,
    DateOnly EventDate,
    string Description,
    string PerformedBy);
