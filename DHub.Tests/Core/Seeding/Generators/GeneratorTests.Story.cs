using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using DHub.Core.References;
using DHub.Core.Schema;
using DHub.Core.Seeding;

namespace DHub.Tests.Core.Seeding.Generators;

// Checks that the rows tell one consistent story: balances, dates, staff, compliance, money.
public sealed partial class GeneratorTests
{
    private static void CheckBalancesAreTrueRunningBalancesAndMatchTheAccount(Dataset data)
    {
        var accounts = data["accounts"];
        var transactions = data["transactions"];
        var accountNumbers = accounts.Column("account_number").ToHashSet();
        var byAccount = transactions.Rows.GroupBy(r => (string)transactions.Value(r, "account_id")!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var account in accounts.Rows)
        {
            var rows = byAccount[(string)accounts.Value(account, "account_id")!];
            var balance = 0m;
            var previous = DateTime.MinValue;
            foreach (var row in rows)
            {
                var amount = (decimal)transactions.Value(row, "transaction_amount")!;
                var type = (string)transactions.Value(row, "transaction_type")!;
                var at = (DateTime)transactions.Value(row, "transaction_date")!;
                balance += amount;
                Assert.Equal(balance, transactions.Value(row, "balance_after"));
                Assert.True(balance >= 0, "an account is never overdrawn");
                Assert.True(at >= previous, "transactions stream in date order per account");
                previous = at;
                Assert.True(type switch
                {
                    "deposit" or "interest" => amount > 0,
                    "withdrawal" or "payment" or "fee" => amount < 0,
                    _ => amount != 0,
                }, $"{type} of {amount} breaks the sign convention");
                if (transactions.Value(row, "counterparty_account") is string counterparty)
                {
                    Assert.Contains(counterparty, accountNumbers);
                }
            }

            Assert.Equal(accounts.Value(account, "balance"), balance);
            Assert.Equal(((DateTime)transactions.Value(rows[0], "transaction_date")!).Day(), accounts.Value(account, "opened_date"));
            if (accounts.Value(account, "closed_date") is DateOnly closed)
            {
                Assert.Equal(0m, balance);
                Assert.True(previous.Day() <= closed);
            }
        }
    }

    private static void CheckNoPastEventLiesAfterTheAsOfDay(Dataset data)
    {
        // Scheduled items may lie in the future; everything else has happened.
        string[] scheduled =
        [
            "loans.maturity_date", "repayment_schedule.due_date", "policies.end_date", "campaigns.end_date",
            "kyc_records.expiry_date", "kyc_records.next_review_date",
        ];
        foreach (var table in data.Tables)
        {
            foreach (var column in table.Columns.Where(c => !scheduled.Contains($"{table.Name}.{c}")))
            {
                var late = table.Column(column).Where(v => v switch
                {
                    DateOnly day => day > AsOf,
                    DateTime moment => moment > AsOfEndOfDay,
                    _ => false,
                }).ToList();
                Assert.True(late.Count == 0, $"{table.Name}.{column} has {late.Count} values after {AsOf}, e.g. {late.FirstOrDefault()}");
            }
        }
    }

    private static void CheckEventsFollowTheirCauses(Dataset data)
    {
        Ordered(data, "employee_training", "enrollment_date", "completion_date", strictly: true);
        Ordered(data, "loan_applications", "application_date", "decision_date", strictly: true);
        Ordered(data, "accounts", "opened_date", "closed_date", strictly: true);
        Ordered(data, "complaints", "filed_date", "resolved_date", strictly: true);
        Ordered(data, "kyc_records", "verification_date", "next_review_date", strictly: true);
        Ordered(data, "suspicious_activity_reports", "report_date", "filed_date", strictly: true);
        Ordered(data, "employees", "hire_date", "termination_date", strictly: false);
        Ordered(data, "claims", "claim_date", "settlement_date", strictly: false);
        Ordered(data, "rule_violations", "violation_date", "resolved_date", strictly: false);
        Ordered(data, "employee_assignments", "start_date", "end_date", strictly: false);

        Each(data, "accounts", (t, r) => (t.Value(r, "account_status") is "closed") == (t.Value(r, "closed_date") is not null));
        Each(data, "employee_training", (t, r) => (t.Value(r, "status") is "completed") == (t.Value(r, "completion_date") is not null));
        Each(data, "repayment_schedule", (t, r) => t.Value(r, "payment_status") switch
        {
            "pending" => t.Value(r, "payment_date") is null && (DateOnly)t.Value(r, "due_date")! > AsOf,
            "missed" => t.Value(r, "payment_date") is null,
            "late" => (DateOnly)t.Value(r, "payment_date")! > (DateOnly)t.Value(r, "due_date")!,
            _ => t.Value(r, "payment_date") is DateOnly,
        });
        Each(data, "risk_assessments", (t, r) => (t.Value(r, "loan_id") is null) != (t.Value(r, "application_id") is null));

        // Nothing happens to a customer before the customer joined.
        var joined = data["customers"].Rows.ToDictionary(r => data["customers"].Value(r, "customer_id")!, r => (DateTime)data["customers"].Value(r, "created_at")!);
        Each(data, "interactions", (t, r) => (DateTime)t.Value(r, "interaction_date")! >= joined[t.Value(r, "customer_id")!]);
        Each(data, "complaints", (t, r) => (DateTime)t.Value(r, "filed_date")! >= joined[t.Value(r, "customer_id")!]);
        Each(data, "loan_applications", (t, r) => (DateOnly)t.Value(r, "application_date")! >= ((DateTime)joined[t.Value(r, "customer_id")!]).Day());
        Each(data, "policies", (t, r) => (DateOnly)t.Value(r, "start_date")! >= ((DateTime)joined[t.Value(r, "customer_id")!]).Day());
        Each(data, "campaign_responses", (t, r) => (DateOnly)t.Value(r, "response_date")! >= ((DateTime)joined[t.Value(r, "customer_id")!]).Day());

        // A survey follows its interaction; a response falls within its campaign.
        var interactions = data["interactions"].ById("interaction_id");
        Each(data, "satisfaction_surveys", (t, r) =>
            (DateOnly)t.Value(r, "survey_date")! >= ((DateTime)data["interactions"].Value(interactions[(string)t.Value(r, "interaction_id")!], "interaction_date")!).Day());
        var campaigns = data["campaigns"].ById("campaign_id");
        Each(data, "campaign_responses", (t, r) =>
        {
            var campaign = campaigns[(string)t.Value(r, "campaign_id")!];
            var day = (DateOnly)t.Value(r, "response_date")!;
            return day >= (DateOnly)data["campaigns"].Value(campaign, "start_date")! && day <= (DateOnly)data["campaigns"].Value(campaign, "end_date")!;
        });

        // Claims and premium payments fall inside their policy's period.
        var policies = data["policies"].ById("policy_id");
        bool InPolicy(Table table, object row, string column)
        {
            var policy = policies[(string)table.Value(row, "policy_id")!];
            var day = (DateOnly)table.Value(row, column)!;
            return day >= (DateOnly)data["policies"].Value(policy, "start_date")! && day <= (DateOnly)data["policies"].Value(policy, "end_date")!;
        }

        Each(data, "claims", (t, r) => InPolicy(t, r, "claim_date"));
        Each(data, "premium_payments", (t, r) => InPolicy(t, r, "payment_date"));
        Each(data, "policy_events", (t, r) => InPolicy(t, r, "event_date"));
    }

    private static void CheckStaffActInTheirRoleAndWhileEmployed(Dataset data)
    {
        var employees = data["employees"];
        var staff = employees.ById("employee_id");
        string[] acts =
        [
            "transactions.processed_by@transaction_date", "interactions.handled_by@interaction_date", "complaints.assigned_to@filed_date",
            "loan_applications.officer_id@application_date", "risk_assessments.assessed_by@assessment_date", "policies.agent_id@start_date",
            "claims.processed_by@claim_date", "policy_events.performed_by@event_date", "kyc_records.verified_by@verification_date",
            "aml_checks.reviewed_by@check_date", "suspicious_activity_reports.filed_by@report_date", "audit_trails.performed_by@performed_at",
            "rule_violations.resolved_by@resolved_date", "performance_reviews.reviewer_id@review_date", "regulatory_reports.prepared_by@reporting_period_end",
        ];
        foreach (var act in acts)
        {
            var (table, column) = Split(act.Split('@')[0]);
            Each(data, table, (t, r) =>
            {
                if (t.Value(r, column) is not string id)
                {
                    return true;
                }

                var day = t.Value(r, act.Split('@')[1]) is DateTime moment ? moment.Day() : (DateOnly)t.Value(r, act.Split('@')[1])!;
                var employee = staff[id];
                return (DateOnly)employees.Value(employee, "hire_date")! <= day
                    && (employees.Value(employee, "termination_date") is not DateOnly left || day <= left);
            });
        }

        string[] roles =
        [
            "loan_applications.officer_id=Loan Officer", "loans.approved_by=Loan Officer", "policies.agent_id=Insurance Agent",
            "claims.processed_by=Insurance Agent", "policy_events.performed_by=Insurance Agent", "kyc_records.verified_by=Compliance Officer",
            "aml_checks.reviewed_by=Compliance Officer", "suspicious_activity_reports.filed_by=Compliance Officer",
            "rule_violations.resolved_by=Compliance Officer", "risk_assessments.assessed_by=Compliance Officer|Risk Analyst",
            "transactions.processed_by=Customer Service Representative|Branch Manager",
        ];
        foreach (var rule in roles)
        {
            var (table, column) = Split(rule.Split('=')[0]);
            var allowed = rule.Split('=')[1].Split('|');
            Each(data, table, (t, r) => t.Value(r, column) is not string id || allowed.Contains(employees.Value(staff[id], "role")));
        }

        // Current relationship managers are still with the bank; departments are led by their own staff.
        Each(data, "customer_profiles", (t, r) => t.Value(r, "assigned_agent_id") is not string id || employees.Value(staff[id], "employment_status") is not "terminated");
        var staffed = employees.Column("department").ToHashSet();
        Each(data, "departments", (t, r) => t.Value(r, "department_head_id") is string head
            ? Equals(employees.Value(staff[head], "department"), t.Value(r, "department_name"))
            : !staffed.Contains(t.Value(r, "department_name")));
    }

    private static void CheckComplianceRecordsMirrorTheCustomersTheyDescribe(Dataset data)
    {
        var profiles = data["customer_profiles"].ById("customer_id");
        Each(data, "kyc_records", (t, r) =>
        {
            var profile = profiles[(string)t.Value(r, "customer_id")!];
            return Equals(t.Value(r, "kyc_status"), data["customer_profiles"].Value(profile, "kyc_status"))
                && Equals(t.Value(r, "risk_rating"), data["customer_profiles"].Value(profile, "risk_rating"));
        });

        // An AML check of a transaction is about the owner of the transaction's account.
        var owner = data["accounts"].Rows.ToDictionary(r => data["accounts"].Value(r, "account_id")!, r => data["accounts"].Value(r, "customer_id"));
        var transactions = data["transactions"].ById("transaction_id");
        Each(data, "aml_checks", (t, r) => t.Value(r, "transaction_id") is not string id
            || Equals(owner[data["transactions"].Value(transactions[id], "account_id")!], t.Value(r, "customer_id")));

        // A SAR is about a customer with a flagged AML check, and about one of that customer's accounts.
        var flagged = data["aml_checks"].Rows.Where(r => data["aml_checks"].Value(r, "aml_flag") is true).Select(r => data["aml_checks"].Value(r, "customer_id")).ToHashSet();
        Each(data, "suspicious_activity_reports", (t, r) => flagged.Contains(t.Value(r, "customer_id"))
            && (t.Value(r, "account_id") is not string account || Equals(owner[account], t.Value(r, "customer_id"))));

        // A transaction-limit violation is about a transaction at least as large as the limit.
        var rules = data["compliance_rules"].ById("rule_id");
        Each(data, "rule_violations", (t, r) =>
        {
            var rule = rules[(string)t.Value(r, "rule_id")!];
            if (t.Value(r, "entity_type") is not "transaction")
            {
                return data["compliance_rules"].Value(rule, "rule_type") is not "transaction_limit";
            }

            var amount = Math.Abs((decimal)data["transactions"].Value(transactions[(string)t.Value(r, "entity_id")!], "transaction_amount")!);
            return data["compliance_rules"].Value(rule, "is_active") is true && amount >= (decimal)data["compliance_rules"].Value(rule, "threshold_value")!;
        });
    }

    private static void CheckMoneyMovesThroughTheAccountsOfTheRightCustomer(Dataset data)
    {
        var owner = data["accounts"].Rows.ToDictionary(r => data["accounts"].Value(r, "account_id")!, r => data["accounts"].Value(r, "customer_id"));
        var policies = data["policies"].ById("policy_id");
        Each(data, "policies", (t, r) => t.Value(r, "linked_account_id") is not string a || Equals(owner[a], t.Value(r, "customer_id")));
        Each(data, "loans", (t, r) => t.Value(r, "linked_account_id") is not string a || Equals(owner[a], t.Value(r, "customer_id")));
        Each(data, "premium_payments", (t, r) => t.Value(r, "from_account_id") is not string a
            || Equals(owner[a], data["policies"].Value(policies[(string)t.Value(r, "policy_id")!], "customer_id")));
        Each(data, "premium_payments", (t, r) =>
            Equals(t.Value(r, "amount"), data["policies"].Value(policies[(string)t.Value(r, "policy_id")!], "premium_amount")));

        // Shares of a policy's beneficiaries add up to 100 %.
        var beneficiaries = data["beneficiaries"];
        Assert.All(beneficiaries.Rows.GroupBy(r => beneficiaries.Value(r, "policy_id")), g => Assert.Equal(100, g.Sum(r => (int)beneficiaries.Value(r, "percentage")!)));
    }
}

file static class MomentExtensions
{
    public static DateOnly Day(this DateTime moment) => DateOnly.FromDateTime(moment);
}
