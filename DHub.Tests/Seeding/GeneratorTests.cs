using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using DHub.Core.References;
using DHub.Core.Schema;
using DHub.Core.Seeding;

namespace DHub.Tests.Seeding;

/// <summary>
/// The generators in memory, without a database: every phase is enumerated in pipeline order and
/// the rows are checked against the schema, the vocabularies, the cross-database catalog and the
/// story the data must tell (balances, loans, dates, who did what).
/// </summary>
public sealed partial class GeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly DateTime AsOfEndOfDay = AsOf.ToDateTime(new TimeOnly(23, 59, 59));

    private static readonly ConcurrentDictionary<SeedOptions, Lazy<Dataset>> Cache = new();

    // Small = the scale the database tests seed; full = scale 1, where every rare status shows up;
    // tiny = the smallest bank the options allow, where pools and departments run short.
    private static Dataset Small => Generated(new SeedOptions { Scale = 0.1, Seed = 7, AsOf = AsOf });

    private static Dataset Full => Generated(new SeedOptions { Scale = 1.0, Seed = 7, AsOf = AsOf });

    private static Dataset Tiny => Generated(new SeedOptions { Employees = SeedOptions.MinEmployees, Customers = SeedOptions.MinCustomers, Seed = 7, AsOf = AsOf });

    private static Dataset Generated(SeedOptions options) =>
        Cache.GetOrAdd(options, key => new Lazy<Dataset>(() => Dataset.Generate(key))).Value;

    private static Dataset At(double scale) => scale < 1 ? Small : Full;

    [Fact]
    public void The_seven_phases_load_the_34_tables_once_in_dependency_order()
    {
        string[][] expected =
        [
            ["employees_db.employees", "employees_db.departments", "employees_db.training_programs", "accounts_db.customers", "customer_db.customer_profiles"],
            ["accounts_db.accounts", "accounts_db.account_relationships", "accounts_db.transactions"],
            ["customer_db.campaigns", "customer_db.interactions", "customer_db.satisfaction_surveys", "customer_db.complaints", "customer_db.campaign_responses"],
            ["employees_db.employee_training", "employees_db.performance_reviews", "employees_db.employee_assignments"],
            ["loans_db.loan_applications", "loans_db.loans", "loans_db.collateral", "loans_db.loan_guarantors", "loans_db.risk_assessments", "loans_db.repayment_schedule"],
            ["insurance_db.policies", "insurance_db.beneficiaries", "insurance_db.claims", "insurance_db.premium_payments", "insurance_db.policy_events"],
            ["compliance_db.compliance_rules", "compliance_db.kyc_records", "compliance_db.aml_checks", "compliance_db.suspicious_activity_reports",
             "compliance_db.regulatory_reports", "compliance_db.audit_trails", "compliance_db.rule_violations"],
        ];

        Assert.Equal(["foundation", "core banking", "crm", "employee development", "loans", "insurance", "compliance"], SeedPhases.All.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(1, 7), SeedPhases.All.Select(p => p.Number));
        var ctx = new SeedContext(new SeedOptions { Scale = 0.1, AsOf = AsOf });
        Assert.Equal(expected, SeedPhases.All.Select(p => p.Tables.Select(f => f(ctx)).Select(l => $"{l.Database}.{l.Table}").ToArray()));
        Assert.Equal(34, expected.SelectMany(t => t).Distinct().Count());
    }

    [Fact]
    public void Copy_columns_are_the_init_script_columns_without_serial_keys_and_match_the_row_records()
    {
        var schema = InitScriptSchema.Load();
        foreach (var table in Small.Tables)
        {
            Assert.Equal(schema[table.QualifiedName], table.Columns);
            Assert.Equal(table.Columns.Select(Pascal), table.RowType.GetProperties().Select(p => p.Name));
        }

        Assert.Equal(schema.Keys.Order(), Small.Tables.Select(t => t.QualifiedName).Order());
    }

    [Fact]
    public void The_same_options_reproduce_every_row_and_another_seed_changes_every_table()
    {
        var again = Dataset.Generate(new SeedOptions { Scale = 0.1, Seed = 7, AsOf = AsOf });
        var other = Generated(new SeedOptions { Scale = 0.1, Seed = 8, AsOf = AsOf });
        foreach (var table in Small.Tables)
        {
            Assert.Equal(table.Rows.Select(r => r.ToString()), again[table.Name].Rows.Select(r => r.ToString()));
            Assert.NotEqual(table.Rows.Select(r => r.ToString()), other[table.Name].Rows.Select(r => r.ToString()));
        }
    }

    [Fact]
    public void Every_table_is_populated_at_the_smallest_tested_scale()
    {
        Assert.All(Small.Tables, t => Assert.True(t.Rows.Count > 0, $"{t.QualifiedName} is empty"));
        Assert.Equal(15, Small["employees"].Rows.Count);
        Assert.Equal(120, Small["customers"].Rows.Count);
        Assert.Equal(12, Small["departments"].Rows.Count);
        Assert.Equal(16, Small["training_programs"].Rows.Count);
        Assert.Equal(18, Small["compliance_rules"].Rows.Count);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Row_counts_follow_the_generation_rules(double scale)
    {
        var data = At(scale);
        var customers = data["customers"].Rows.Count;
        var accounts = data["accounts"].Rows.Count;
        Assert.Equal(customers, data["customer_profiles"].Rows.Count);
        Assert.Equal(customers, data["kyc_records"].Rows.Count);
        Assert.Equal(data["loan_applications"].Count("status", "approved"), data["loans"].Rows.Count);
        Assert.Equal(22, data["regulatory_reports"].Rows.Count);
        Assert.InRange(accounts, 0.75 * customers, 0.75 * 1.35 * customers);
        Assert.InRange(data["transactions"].Rows.Count, 10 * accounts, 20 * accounts);
        Assert.InRange(data["policies"].Rows.Count, 0.25 * customers, 0.30 * customers);
        Assert.Equal(
            data["loans"].Rows.Sum(l => (int)data["loans"].Value(l, "term_months")!),
            data["repayment_schedule"].Rows.Count);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Vocabulary_columns_only_hold_vocabulary_values(double scale) => CheckVocabularyColumnsOnlyHoldVocabularyValues(At(scale));

    [Fact]
    public void At_scale_one_every_vocabulary_value_the_story_needs_appears()
    {
        // The reference never wrote these; each fix must show up in the data.
        Assert.Contains("on_leave", Full["employees"].Column("employment_status"));
        Assert.Contains("dropped", Full["employee_training"].Column("status"));
        Assert.Contains("project", Full["employee_assignments"].Column("assignment_type"));
        Assert.Contains("transfer", Full["transactions"].Column("transaction_type"));
        Assert.Contains("interest", Full["transactions"].Column("transaction_type"));
        Assert.Contains("closed", Full["accounts"].Column("account_status"));
        Assert.Contains(true, Full["training_programs"].Column("certification"));
        Assert.All(Vocabularies.All.Where(v => v.Table is not "employees" || v.Column is not "department"), vocabulary =>
        {
            var used = Full[vocabulary.Table].Column(vocabulary.Column).OfType<string>().ToHashSet();
            Assert.True(used.Count >= Math.Min(2, vocabulary.Values.Count), $"{vocabulary.Table}.{vocabulary.Column} uses only {string.Join(", ", used)}");
        });
        Assert.Equal(Vocabularies.EmployeesDepartment.Values.Order(), Full["employees"].Column("department").OfType<string>().Distinct().Order());
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Keys_and_unique_columns_are_unique(double scale) => CheckKeysAndUniqueColumnsAreUnique(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Every_cross_database_reference_resolves_and_is_populated(double scale) => CheckEveryCrossDatabaseReferenceResolves(At(scale), requirePopulated: true);

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Every_foreign_key_of_the_init_scripts_resolves(double scale) => CheckEveryForeignKeyOfTheInitScriptsResolves(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void A_loan_continues_its_approved_application(double scale) => CheckALoanContinuesItsApprovedApplication(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Outstanding_balances_agree_with_the_repayment_schedule(double scale) => CheckOutstandingBalancesAgreeWithTheRepaymentSchedule(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Balances_are_true_running_balances_and_match_the_account(double scale) => CheckBalancesAreTrueRunningBalancesAndMatchTheAccount(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void No_past_event_lies_after_the_as_of_day(double scale) => CheckNoPastEventLiesAfterTheAsOfDay(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Events_follow_their_causes(double scale) => CheckEventsFollowTheirCauses(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Staff_act_in_their_role_and_while_employed(double scale) => CheckStaffActInTheirRoleAndWhileEmployed(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Compliance_records_mirror_the_customers_they_describe(double scale) => CheckComplianceRecordsMirrorTheCustomersTheyDescribe(At(scale));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Money_moves_through_the_accounts_of_the_right_customer(double scale) => CheckMoneyMovesThroughTheAccountsOfTheRightCustomer(At(scale));

    [Fact]
    public void The_smallest_allowed_bank_keeps_every_rule()
    {
        var data = Tiny;
        Assert.Equal(SeedOptions.MinEmployees, data["employees"].Rows.Count);
        Assert.Equal(SeedOptions.MinCustomers, data["customers"].Rows.Count);
        CheckVocabularyColumnsOnlyHoldVocabularyValues(data);
        CheckKeysAndUniqueColumnsAreUnique(data);
        CheckEveryCrossDatabaseReferenceResolves(data, requirePopulated: false);
        CheckEveryForeignKeyOfTheInitScriptsResolves(data);
        CheckALoanContinuesItsApprovedApplication(data);
        CheckOutstandingBalancesAgreeWithTheRepaymentSchedule(data);
        CheckBalancesAreTrueRunningBalancesAndMatchTheAccount(data);
        CheckNoPastEventLiesAfterTheAsOfDay(data);
        CheckEventsFollowTheirCauses(data);
        CheckStaffActInTheirRoleAndWhileEmployed(data);
        CheckComplianceRecordsMirrorTheCustomersTheyDescribe(data);
        CheckMoneyMovesThroughTheAccountsOfTheRightCustomer(data);
    }

    // ----- the checks, shared by the scaled runs above and the smallest bank -----------------------

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

    // ----- helpers -------------------------------------------------------------------------------

    private static void Ordered(Dataset data, string table, string earlier, string later, bool strictly) =>
        Each(data, table, (t, r) => t.Value(r, later) is null || (strictly
            ? Compare(t.Value(r, earlier)!, t.Value(r, later)!) < 0
            : Compare(t.Value(r, earlier)!, t.Value(r, later)!) <= 0));

    private static int Compare(object a, object b) => Moment(a).CompareTo(Moment(b));

    private static DateTime Moment(object value) => value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : (DateTime)value;

    private static void Each(Dataset data, string table, Func<Table, object, bool> holds)
    {
        var t = data[table];
        var broken = t.Rows.FirstOrDefault(r => !holds(t, r));
        Assert.True(broken is null, $"{table}: {broken}");
    }

    private static (string Table, string Column) Split(string qualified) => (qualified.Split('.')[0], qualified.Split('.')[1]);

    private static string Pascal(string column) => string.Concat(column.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"^(?<column>\w+) = '(?<value>[^']*)'$")]
    private static partial Regex ConditionPattern();

    /// <summary>One generated table: its COPY columns and its rows (the generator's records), read by column name.</summary>
    private sealed class Table(string database, string name, IReadOnlyList<string> columns, List<object> rows, Type rowType)
    {
        private readonly Dictionary<string, PropertyInfo> properties = columns.ToDictionary(c => c, c => rowType.GetProperty(Pascal(c))!);

        public string Database { get; } = database;

        public string Name { get; } = name;

        public string QualifiedName => $"{Database}.{Name}";

        public IReadOnlyList<string> Columns { get; } = columns;

        public List<object> Rows { get; } = rows;

        public Type RowType { get; } = rowType;

        public object? Value(object row, string column) => properties[column].GetValue(row);

        public IEnumerable<object?> Column(string column) => Rows.Select(r => Value(r, column));

        public int Count(string column, string value) => Column(column).Count(v => Equals(v, value));

        public Dictionary<string, object> ById(string column) => Rows.ToDictionary(r => (string)Value(r, column)!);
    }

    /// <summary>Every table of one run, produced by enumerating the phases in pipeline order.</summary>
    private sealed class Dataset(List<Table> tables)
    {
        public IReadOnlyList<Table> Tables => tables;

        public Table this[string name] => tables.Single(t => t.Name == name);

        public static Dataset Generate(SeedOptions options)
        {
            var ctx = new SeedContext(options);
            var tables = new List<Table>();
            foreach (var load in SeedPhases.All.SelectMany(p => p.Tables).Select(factory => factory(ctx)))
            {
                var rowsProperty = load.GetType().GetProperty("Rows")!;
                var rows = ((IEnumerable)rowsProperty.GetValue(load)!).Cast<object>().ToList();
                tables.Add(new Table(load.Database, load.Table, load.Columns, rows, load.GetType().GetGenericArguments()[0]));
            }

            return new Dataset(tables);
        }
    }

    /// <summary>The columns of every table as the init scripts declare them, minus SERIAL keys.</summary>
    private static partial class InitScriptSchema
    {
        public static Dictionary<string, List<string>> Load()
        {
            var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory)
                ?? throw new DirectoryNotFoundException("init scripts not found above the test binaries");
            var schema = new Dictionary<string, List<string>>();
            foreach (var section in InitScriptCatalog.Load(directory).SelectMany(script => script.Sections))
            {
                foreach (Match table in CreateTable().Matches(section.Sql))
                {
                    schema[$"{section.DatabaseName}.{table.Groups["name"].Value}"] = table.Groups["body"].Value
                        .Split('\n')
                        .Select(line => ColumnLine().Match(line))
                        .Where(m => m.Success && m.Groups["type"].Value is not ("SERIAL" or "BIGSERIAL"))
                        .Select(m => m.Groups["column"].Value)
                        .ToList();
                }
            }

            return schema;
        }

        [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
        private static partial Regex CreateTable();

        // A column definition starts with a lower-case name and an upper-case type; CHECK continuation lines do not.
        [GeneratedRegex(@"^\s+(?<column>[a-z_]+)\s+(?<type>[A-Z]+)")]
        private static partial Regex ColumnLine();
    }
}

file static class MomentExtensions
{
    public static DateOnly Day(this DateTime moment) => DateOnly.FromDateTime(moment);
}
