namespace DHub.Core.Seeding.Generators.Compliance;

// One record per compliance_db table; property names are the column names in PascalCase, in column order
// (the BIGSERIAL audit_id omitted).

internal readonly record struct ComplianceRuleRow(
    string RuleId,
    string RuleName,
    string RuleType,
    string Description,
    decimal? ThresholdValue,
    bool IsActive,
    DateOnly CreatedDate);

internal readonly record struct KycRecordRow(
    string KycId,
    string CustomerId,
    DateOnly VerificationDate,
    string KycStatus,
    string DocumentType,
    string DocumentNumber,
    DateOnly ExpiryDate,
    string? VerifiedBy,
    DateOnly NextReviewDate,
    string RiskRating);

internal readonly record struct AmlCheckRow(
    string CheckId,
    string CustomerId,
    string? TransactionId,
    DateTime CheckDate,
    string CheckType,
    bool AmlFlag,
    string RiskLevel,
    string ScreeningResult,
    string? ReviewedBy);

internal readonly record struct SuspiciousActivityReportRow(
    string SarId,
    string CustomerId,
    string? AccountId,
    DateOnly ReportDate,
    string ActivityType,
    string Description,
    string SarStatus,
    DateOnly? FiledDate,
    string RegulatoryTier,
    string FiledBy,
    decimal AmountInvolved);

internal readonly record struct RegulatoryReportRow(
    string ReportId,
    string ReportType,
    DateOnly ReportingPeriodStart,
    DateOnly ReportingPeriodEnd,
    DateOnly? SubmissionDate,
    string Status,
    string PreparedBy,
    string? ApprovedBy);

internal readonly record struct AuditTrailRow(
    string EntityType,
    string EntityId,
    string Action,
    string PerformedBy,
    DateTime PerformedAt,
    string? OldValue,
    string? NewValue,
    string IpAddress);

internal readonly record struct RuleViolationRow(
    string ViolationId,
    string RuleId,
    string EntityType,
    string EntityId,
    DateTime ViolationDate,
    string Severity,
    string Status,
    string? ResolutionNotes,
    string? ResolvedBy,
    DateOnly? ResolvedDate);
