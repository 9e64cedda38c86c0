using Bogus;

namespace DHub.Core.Seeding.ReferenceData;

/// <summary>
/// The employers, shops and ATM towns that transaction descriptions name. They are drawn from Bogus
/// once per run and then picked from: a bank's customers are paid by and shop at a recurring set of
/// businesses, and drawing a fresh company name for each of a million rows (Bogus parses a template
/// per name) cost more than generating the rest of the row.
/// </summary>
internal sealed class MerchantDirectory
{
    private const int EmployerCount = 400;
    private const int MerchantCount = 1200;
    private const int CityCount = 300;

    private MerchantDirectory(string[] employers, string[] merchants, string[] cities)
    {
        Employers = employers;
        Merchants = merchants;
        Cities = cities;
    }

    public string[] Employers { get; }

    public string[] Merchants { get; }

    public string[] Cities { get; }

    public static MerchantDirectory Draw(Faker faker) => new(
        Enumerable.Range(0, EmployerCount).Select(_ => faker.Company.CompanyName()).ToArray(),
        Enumerable.Range(0, MerchantCount).Select(_ => faker.Company.CompanyName()).ToArray(),
        Enumerable.Range(0, CityCount).Select(_ => faker.Address.City()).ToArray());
}
