namespace DHub.Core.Seeding.Generators.Customers;

// One record per customer_db table; property names are the column names in PascalCase, in column order
// (SERIAL keys omitted).

internal readonly record struct CustomerProfileRow(
    string CustomerId,
    string FullName,
    string Email,
    string Phone,
    string Address,
    string City,
    string Country,
    string CustomerSegment,
    string CustomerStatus,
    DateOnly OnboardingDate,
    string? AssignedAgentId,
    string KycStatus,
    string RiskRating,
    DateTime CreatedAt,
    DateTime UpdatedAt);

internal readonly record struct CampaignRow(
    string CampaignId,
    string CampaignName,
    string CampaignType,
    DateOnly StartDate,
    DateOnly EndDate,
    string TargetSegment);

internal readonly record struct InteractionRow(
    string InteractionId,
    string CustomerId,
    string InteractionType,
    string Channel,
    DateTime InteractionDate,
    int DurationMinutes,
    string Notes,
    string? HandledBy,
    string Outcome);

internal readonly record struct SatisfactionSurveyRow(
    string CustomerId,
    string InteractionId,
    int NpsScore,
    int SatisfactionRating,
    DateOnly SurveyDate,
    string? Comments);

internal readonly record struct ComplaintRow(
    string ComplaintId,
    string CustomerId,
    string ComplaintType,
    string Description,
    string Status,
    string Priority,
    DateTime FiledDate,
    DateTime? ResolvedDate,
    int? ResolutionTimeHours,
    string? AssignedTo);

internal readonly record struct CampaignResponseRow(
    string CampaignId,
    string CustomerId,
    DateOnly ResponseDate,
    string ResponseType,
    bool Converted);
