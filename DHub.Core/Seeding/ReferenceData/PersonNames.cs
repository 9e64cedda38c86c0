namespace DHub.Core.Seeding.ReferenceData;

/// <summary>
/// Bogus's English first and last names, drawn with a <see cref="SeedRandom"/>. Faker.Name draws from
/// the same lists (a gender, then a name of it), but through a Randomizer that locks on every draw
/// and must be reseeded per person; a customer's persona is drawn twice per seed for every customer.
/// </summary>
internal static class PersonNames
{
    public static readonly string[] First = [.. BogusLists.Read("name", "male_first_name"), .. BogusLists.Read("name", "female_first_name")];

    public static readonly string[] Last = BogusLists.Read("name", "last_name");
}
