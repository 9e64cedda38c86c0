namespace DHub.Core.Seeding.Generators.Accounts;

// One record per accounts_db table; property names are the column names in PascalCase, in column order.

internal readonly record struct CustomerRow(
    string CustomerId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string Email,
    string Phone,
    DateTime CreatedAt);

internal readonly record struct AccountRow(
    string AccountId,
    string AccountNumber,
    string CustomerId,
    string AccountType,
    string AccountStatus,
    decimal Balance,
    string Currency,
    DateOnly OpenedDate,
    DateOnly? ClosedDate,
    string BranchCode);

internal readonly record struct AccountRelationshipRow(
    string PrimaryAccountId,
    string RelatedAccountId,
    string RelationshipType,
    DateTime CreatedAt);

internal readonly record struct TransactionRow(
    string TransactionId,
    string AccountId,
    string TransactionType,
    decimal TransactionAmount,
    DateTime TransactionDate,
    string Description,
    decimal BalanceAfter,
    string? CounterpartyAccount,
    string? ProcessedBy);
