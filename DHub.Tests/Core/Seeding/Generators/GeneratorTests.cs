using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using DHub.Core.References;
using DHub.Core.Schema;
using DHub.Core.Seeding;

namespace DHub.Tests.Core.Seeding.Generators;

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
        // Values a careless generator would never write; each must show up in the data.
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
}
