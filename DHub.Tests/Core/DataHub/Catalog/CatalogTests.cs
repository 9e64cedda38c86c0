using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Urns;
using DHub.Tests.Core.DataHub.Support;

namespace DHub.Tests.Core.DataHub.Catalog;

/// <summary>The data files under databases/datahub load, hold what cli.md §6 describes, and bad edits fail clearly.</summary>
public sealed class CatalogTests
{
    private static readonly DataHubCatalog Catalog = TestCatalog.Load();

    [Fact]
    public void Domains_are_the_15_domain_hierarchy_parents_first()
    {
        Assert.Equal(15, Catalog.Domains.Count);
        Assert.Single(Catalog.Domains, d => d.ParentId is null);
        Assert.Equal("banking_operations", Catalog.Domains[0].Id);
        var mid = Catalog.Domains.Where(d => d.ParentId == "banking_operations").Select(d => d.Id).ToList();
        Assert.Equal(["customer_management", "financial_products", "risk_compliance", "internal_operations"], mid);
        Assert.Equal(10, Catalog.Domains.Count(d => mid.Contains(d.ParentId!)));
        for (var i = 0; i < Catalog.Domains.Count; i++)
        {
            var parent = Catalog.Domains[i].ParentId;
            Assert.True(parent is null || Catalog.Domains.Take(i).Any(d => d.Id == parent), $"{Catalog.Domains[i].Id} comes before its parent");
        }

        Assert.Contains(Catalog.Domains, d => d is { Id: "risk_compliance", Name: "Risk & Compliance" });
        Assert.All(Catalog.Domains, d => Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Id));
    }

    [Fact]
    public void Glossary_has_5_root_nodes_10_group_nodes_and_34_terms()
    {
        Assert.Equal(5, Catalog.GlossaryNodes.Count(n => n.ParentId is null));
        Assert.Equal(10, Catalog.GlossaryNodes.Count(n => n.ParentId is not null));
        Assert.Equal(34, Catalog.GlossaryTerms.Count);
        Assert.Equal(49, Catalog.GlossaryNodes.Count + Catalog.GlossaryTerms.Count);

        var groups = Catalog.GlossaryNodes.Where(n => n.ParentId is not null).Select(n => n.Id).ToHashSet();
        Assert.All(Catalog.GlossaryTerms, t => Assert.Contains(t.ParentNodeId, groups));
        var domains = Catalog.Domains.Select(d => d.Id).ToHashSet();
        Assert.All(Catalog.GlossaryTerms, t => Assert.Contains(t.DomainId, domains));
        Assert.All(Catalog.GlossaryTerms, t => Assert.True(t.Definition.Length >= 30, $"{t.Id} has a thin definition"));
    }

    /// <summary>The seven rows the reference's CSV broke keep their full definition and their real domain.</summary>
    [Theory]
    [InlineData("customer_segment", "customer_data")]
    [InlineData("customer_status", "customer_experience")]
    [InlineData("account_type", "deposit_services")]
    [InlineData("account_status", "deposit_services")]
    [InlineData("transaction_type", "deposit_services")]
    [InlineData("loan_status", "lending_services")]
    [InlineData("policy_type", "insurance_services")]
    [InlineData("approval_rate", "lending_services")]
    public void Formerly_malformed_terms_have_their_domain(string term, string domain)
    {
        var definition = Assert.Single(Catalog.GlossaryTerms, t => t.Id == term);
        Assert.Equal(domain, definition.DomainId);
        Assert.Contains(",", definition.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Structured_properties_are_the_four_fk_definitions()
    {
        Assert.Equal(["fk_target_table", "fk_target_column", "fk_cross_database", "fk_relationship_description"], Catalog.StructuredProperties.Select(p => p.Id));
        Assert.All(Catalog.StructuredProperties, p =>
        {
            Assert.Equal("string", p.ValueType);
            Assert.Equal([DataHubUrns.SchemaFieldEntityType], p.EntityTypes);
            Assert.Equal(p.Id, p.QualifiedName);
        });
        Assert.Equal(["true", "false"], Catalog.StructuredProperties.Single(p => p.Id == "fk_cross_database").AllowedValues.Select(v => v.Value));
    }

    [Fact]
    public void Every_demo_database_has_a_domain_and_owners()
    {
        Assert.Equal(DemoDatabases.All.Order(), Catalog.DatasetDomains.Databases.Keys.Order());
        Assert.Equal("human_resources", Catalog.DatasetDomains.DomainOfDatabase(DemoDatabases.Employees));
        Assert.Equal("lending_services", Catalog.DatasetDomains.DomainOf(new QualifiedTable("loans_db", "public", "loans")));
        Assert.Equal("credit_risk", Catalog.DatasetDomains.DomainOf(new QualifiedTable("loans_db", "public", "risk_assessments")));
        Assert.All(DemoDatabases.All, db => Assert.NotEmpty(Catalog.Owners.OwnersOfDatabase(db)));
        Assert.Contains(new OwnerAssignment("urn:li:corpGroup:lending", "BUSINESS_OWNER"), Catalog.Owners.OwnersOfDatabase(DemoDatabases.Loans));
        Assert.Contains(new OwnerAssignment("urn:li:corpGroup:risk_management", "DATA_STEWARD"), Catalog.Owners.OwnersOf(new QualifiedTable("loans_db", "public", "risk_assessments")));
    }

    [Fact]
    public void Personal_columns_are_tagged_pii_and_business_columns_carry_terms()
    {
        var pii = Assert.Single(Catalog.Tags, t => t.Id == "PII");
        Assert.Contains(QualifiedColumn.TryParse("accounts_db.public.customers.date_of_birth")!, pii.Columns);
        Assert.Contains(QualifiedColumn.TryParse("compliance_db.public.kyc_records.document_number")!, pii.Columns);
        Assert.Contains(QualifiedColumn.TryParse("customer_db.public.customer_profiles.email")!, pii.Columns);
        Assert.Equal(["balance"], Catalog.TermsOf(QualifiedColumn.TryParse("accounts_db.public.accounts.balance")!));
        Assert.Equal(["interest_rate"], Catalog.TermsOf(QualifiedColumn.TryParse("loans_db.public.loans.interest_rate")!));
        Assert.Equal(["kyc_status"], Catalog.TermsOf(QualifiedColumn.TryParse("customer_db.public.customer_profiles.kyc_status")!));
    }

    [Fact]
    public void Lineage_is_the_customer_master_feeding_the_crm_profile()
    {
        var lineage = Assert.Single(Catalog.Lineage);
        Assert.Equal("accounts_db.public.customers", lineage.Upstream.ToString());
        Assert.Equal("customer_db.public.customer_profiles", lineage.Downstream.ToString());
        Assert.Equal(["first_name", "last_name"], lineage.Columns.Single(c => c.Downstream == "full_name").Upstreams);
    }

    [Theory]
    [InlineData("glossary.yaml", "    parent: customer_identification\n    domain: customer_data\n    name: Customer ID", "    parent: customer_id\n    domain: customer_data\n    name: Customer ID", "terms do not nest inside terms")]
    [InlineData("glossary.yaml", "    parent: lending_terms\n    domain: lending_services\n    name: Loan Status", "    parent: lending_terms\n    domain: paid off\n    name: Loan Status", "'domain' must name a domain of domains.yaml, got 'paid off'")]
    [InlineData("domains.yaml", "  - id: customer_data\n", "  - id: customer data\n", "'id' is missing or invalid")]
    [InlineData("domains.yaml", "    parent: banking_operations\n    name: Customer Management", "    parent: customer_data\n    name: Customer Management", "parent cycle")]
    [InlineData("domains.yaml", "    name: Human Resources", "    nmae: Human Resources", "line ")]
    [InlineData("structured-properties.yaml", "  cardinality: SINGLE\n  entity_types:\n    - urn:li:entityType:datahub.schemaField\n  allowed_values", "  cardinality: ONE\n  entity_types:\n    - urn:li:entityType:datahub.schemaField\n  allowed_values", "'cardinality' must be SINGLE or MULTIPLE")]
    [InlineData("column-terms.yaml", "  balance:\n", "  account_attributes:\n", "not a glossary term")]
    [InlineData("column-tags.yaml", "      - accounts_db.public.customers.date_of_birth", "      - customers.date_of_birth", "must be written database.schema.table.column")]
    [InlineData("owners.yaml", "      type: TECHNICAL_OWNER\n  customer_db:", "      type: OWNER\n  customer_db:", "expected one of TECHNICAL_OWNER")]
    [InlineData("database-domains.yaml", "  loans_db: lending_services", "  loans_db: lending", "'lending' is not a domain")]
    [InlineData("lineage.yaml", "    type: TRANSFORMED", "    type: MOVED", "'type' must be one of COPY, TRANSFORMED, VIEW")]
    [InlineData("domains.yaml", "domains:\n", "domains:\n  - id: [unclosed\n", "line ")]
    public void A_broken_file_fails_with_its_name_and_the_problem(string file, string find, string replace, string expected)
    {
        var directory = TestCatalog.CopyToTemp();
        try
        {
            var path = Path.Combine(directory, file);
            var text = File.ReadAllText(path);
            Assert.Contains(find, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));

            var error = Assert.Throws<CatalogFileException>(() => DataHubCatalog.Load(directory));
            Assert.Equal(path, error.File);
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var directory = TestCatalog.CopyToTemp();
        try
        {
            File.Delete(Path.Combine(directory, "owners.yaml"));
            var error = Assert.Throws<CatalogFileException>(() => DataHubCatalog.Load(directory));
            Assert.Contains("owners.yaml: the file does not exist", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
