using Bogus;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.ReferenceData;

/// <summary>A US postal address: street line, city, state abbreviation and ZIP code.</summary>
internal readonly record struct PostalAddress(string Street, string City, string State, string Zip)
{
    public override string ToString() => $"{Street}, {City}, {State} {Zip}";
}

/// <summary>
/// Street names and cities drawn from Bogus once per table, and Bogus's list of states, combined per
/// address with a <see cref="SeedRandom"/>. Bogus builds each street address and city by parsing a template,
/// which cost more than the rest of a customer profile; the pools keep its realism (thousands of
/// distinct streets, a few hundred towns) at a fraction of the price.
/// </summary>
internal sealed class AddressBook
{
    private const int StreetCount = 2000;
    private const int CityCount = 400;

    private static readonly string[] States = BogusLists.Read("address", "state_abbr");

    private readonly string[] _streets;
    private readonly string[] _cities;

    private AddressBook(string[] streets, string[] cities)
    {
        _streets = streets;
        _cities = cities;
    }

    public static AddressBook Draw(Faker faker) => new(
        Enumerable.Range(0, StreetCount).Select(_ => faker.Address.StreetName()).ToArray(),
        Enumerable.Range(0, CityCount).Select(_ => faker.Address.City()).ToArray());

    public PostalAddress Next(SeedRandom random) => new(
        $"{random.Number(1, 9999)} {random.ArrayElement(_streets)}",
        random.ArrayElement(_cities),
        random.ArrayElement(States),
        random.Replace("#####"));
}
