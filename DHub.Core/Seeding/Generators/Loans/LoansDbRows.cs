namespace DHub.Core.Seeding.Generators.Loans;

// One record per loans_db table; property names are the column names in PascalCase, in column order
// (SERIAL keys omitted).

internal readonly record struct LoanApplicationRow(
    string ApplicationId,
    string CustomerId,
    string LoanType,
    decimal RequestedAmount,
    DateOnly ApplicationDate,
    string Status,
    string OfficerId,
    DateOnly? DecisionDate,
    decimal? ApprovedAmount,
    string? RejectionReason);

internal readonly record struct LoanRow(
    string LoanId,
    string ApplicationId,
    string LoanNumber,
    string CustomerId,
    string? LinkedAccountId,
    string LoanType,
    decimal PrincipalAmount,
    decimal InterestRate,
    int TermMonths,
    DateOnly DisbursementDate,
    DateOnly MaturityDate,
    string LoanStatus,
    decimal OutstandingBalance,
    bool DefaultStatus,
    string ApprovedBy);

internal readonly record struct CollateralRow(
    string CollateralId,
    string LoanId,
    string CollateralType,
    string Description,
    decimal AppraisedValue,
    DateOnly AppraisalDate,
    decimal LtvRatio);

internal readonly record struct RepaymentScheduleRow(
    string LoanId,
    int InstallmentNumber,
    DateOnly DueDate,
    decimal PrincipalAmount,
    decimal InterestAmount,
    decimal TotalAmount,
    DateOnly? PaymentDate,
    string PaymentStatus);

internal readonly record struct LoanGuarantorRow(
    string LoanId,
    string GuarantorName,
    string Relationship,
    string ContactInfo,
    decimal GuaranteeAmount);

internal readonly record struct RiskAssessmentRow(
    string? LoanId,
    string? ApplicationId,
    DateOnly AssessmentDate,
    int RiskScore,
    decimal PdProbability,
    string CreditGrade,
    string AssessedBy);
