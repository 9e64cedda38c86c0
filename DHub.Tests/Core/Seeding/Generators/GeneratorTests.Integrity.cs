using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using DHub.Core.References;
using DHub.Core.Schema;
using DHub.Core.Seeding;

namespace DHub.Tests.Core.Seeding.Generators;

// Checks that the rows fit the schema: vocabularies, keys, cross-database links, foreign keys, loan figures.
public sealed partial class GeneratorTests
{
    private static void CheckVocabularyColumnsOnlyHoldVocabularyValues(Dataset data)
    {
        foreach (var vocabulary in Vocabularies.All)
        {
            var table = data[vocabulary.Table];
            var values = table.Column(vocabulary.Column).OfType<string>().ToList();
            var outside = values.Where(v => !vocabulary.Contains(v)).Distinct().ToList();
            Assert.True(outside.Count == 0, $"{vocabulary.Table}.{vocabulary.Column} holds {string.Join(", ", outside)}");
        }
    }

    private static void CheckKeysAndUniqueColumnsAreUnique(Dataset data)
    {
        string[] unique =
        [
            "employees.employee_id", "employees.employee_number", "employees.email", "departments.department_id", "departments.department_name",
            "training_programs.program_id", "customers.customer_id", "customers.email", "customer_profiles.customer_id", "accounts.account_id",
            "accounts.account_number", "transactions.transaction_id", "interactions.interaction_id", "complaints.complaint_id", "campaigns.campaign_id",
            "loan_applications.application_id", "loans.loan_id", "loans.loan_number", "loans.application_id", "collateral.collateral_id",
            "policies.policy_id", "policies.policy_number", "claims.claim_id", "claims.claim_number", "premium_payments.payment_id",
            "kyc_records.kyc_id", "kyc_records.customer_id", "aml_checks.check_id", "suspicious_activity_reports.sar_id",
            "regulatory_reports.report_id", "compliance_rules.rule_id", "rule_violations.violation_id",
        ];
        foreach (var key in unique)
        {
            var (table, column) = Split(key);
            var values = data[table].Column(column).ToList();
            Assert.True(values.All(v => v is not null), $"{key} has nulls");
            Assert.True(values.Distinct().Count() == values.Count, $"{key} has duplicates");
        }
    }

    private static void CheckEveryCrossDatabaseReferenceResolves(Dataset data, bool requirePopulated)
    {
        foreach (var link in CrossDatabaseReferences.All)
        {
            var source = data[link.SourceTable];
            var rows = source.Rows.AsEnumerable();
            if (link.Condition is not null)
            {
                var condition = ConditionPattern().Match(link.Condition);
                Assert.True(condition.Success, $"cannot read the condition {link.Condition}");
                rows = rows.Where(r => Equals(source.Value(r, condition.Groups["column"].Value), condition.Groups["value"].Value));
            }

            var values = rows.Select(r => source.Value(r, link.SourceColumn)).OfType<string>().ToHashSet();
            var targets = data[link.TargetTable].Column(link.TargetColumn).OfType<string>().ToHashSet();
            Assert.True(values.Count > 0 || !requirePopulated, $"{link.SourceTable}.{link.SourceColumn} ({link.Condition}) is never populated");
            var orphans = values.Except(targets).ToList();
            Assert.True(orphans.Count == 0, $"{orphans.Count} orphans in {link.SourceTable}.{link.SourceColumn}, e.g. {orphans.FirstOrDefault()}");
        }
    }

    private static void CheckEveryForeignKeyOfTheInitScriptsResolves(Dataset data)
    {
        string[] foreignKeys =
        [
            "employees.manager_id>employees.employee_id", "departments.department_head_id>employees.employee_id",
            "performance_reviews.employee_id>employees.employee_id", "performance_reviews.reviewer_id>employees.employee_id",
            "employee_training.employee_id>employees.employee_id", "employee_training.program_id>training_programs.program_id",
            "employee_assignments.employee_id>employees.employee_id", "interactions.customer_id>customer_profiles.customer_id",
            "satisfaction_surveys.customer_id>customer_profiles.customer_id", "satisfaction_surveys.interaction_id>interactions.interaction_id",
            "complaints.customer_id>customer_profiles.customer_id", "campaign_responses.campaign_id>campaigns.campaign_id",
            "campaign_responses.customer_id>customer_profiles.customer_id", "accounts.customer_id>customers.customer_id",
            "transactions.account_id>accounts.account_id", "account_relationships.primary_account_id>accounts.account_id",
            "account_relationships.related_account_id>accounts.account_id", "beneficiaries.policy_id>policies.policy_id",
            "claims.policy_id>policies.policy_id", "premium_payments.policy_id>policies.policy_id", "policy_events.policy_id>policies.policy_id",
            "loans.application_id>loan_applications.application_id", "collateral.loan_id>loans.loan_id", "repayment_schedule.loan_id>loans.loan_id",
            "loan_guarantors.loan_id>loans.loan_id", "risk_assessments.loan_id>loans.loan_id",
            "risk_assessments.application_id>loan_applications.application_id", "rule_violations.rule_id>compliance_rules.rule_id",
        ];
        foreach (var foreignKey in foreignKeys)
        {
            var (from, to) = (Split(foreignKey.Split('>')[0]), Split(foreignKey.Split('>')[1]));
            var targets = data[to.Table].Column(to.Column).ToHashSet();
            var orphans = data[from.Table].Column(from.Column).Where(v => v is not null && !targets.Contains(v)).ToList();
            Assert.True(orphans.Count == 0, $"{foreignKey}: {orphans.Count} orphans, e.g. {orphans.FirstOrDefault()}");
        }
    }

    private static void CheckALoanContinuesItsApprovedApplication(Dataset data)
    {
        var applications = data["loan_applications"].ById("application_id");
        var loans = data["loans"];
        foreach (var loan in loans.Rows)
        {
            var application = applications[(string)loans.Value(loan, "application_id")!];
            var app = data["loan_applications"];
            Assert.Equal("approved", app.Value(application, "status"));
            Assert.Equal(app.Value(application, "customer_id"), loans.Value(loan, "customer_id"));
            Assert.Equal(app.Value(application, "loan_type"), loans.Value(loan, "loan_type"));
            Assert.Equal(app.Value(application, "approved_amount"), loans.Value(loan, "principal_amount"));
            Assert.Equal(app.Value(application, "officer_id"), loans.Value(loan, "approved_by"));
            Assert.True((DateOnly)loans.Value(loan, "disbursement_date")! > (DateOnly)app.Value(application, "decision_date")!);
            Assert.Equal(
                ((DateOnly)loans.Value(loan, "disbursement_date")!).AddMonths((int)loans.Value(loan, "term_months")!),
                loans.Value(loan, "maturity_date"));
        }
    }

    private static void CheckOutstandingBalancesAgreeWithTheRepaymentSchedule(Dataset data)
    {
        var loans = data["loans"];
        var schedule = data["repayment_schedule"];
        var installments = schedule.Rows.GroupBy(r => (string)schedule.Value(r, "loan_id")!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var loan in loans.Rows)
        {
            var rows = installments[(string)loans.Value(loan, "loan_id")!];
            var principal = (decimal)loans.Value(loan, "principal_amount")!;
            Assert.Equal(principal, rows.Sum(r => (decimal)schedule.Value(r, "principal_amount")!));
            var repaid = rows.Where(r => schedule.Value(r, "payment_status") is "paid" or "late").Sum(r => (decimal)schedule.Value(r, "principal_amount")!);
            var status = (string)loans.Value(loan, "loan_status")!;
            Assert.Equal(status == "paid_off" ? 0m : principal - repaid, loans.Value(loan, "outstanding_balance"));
            Assert.Equal(status == "defaulted", loans.Value(loan, "default_status"));
            Assert.Equal(status == "defaulted", rows.Any(r => Equals(schedule.Value(r, "payment_status"), "missed")));
        }
    }
}
