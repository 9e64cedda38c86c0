using Bogus.Bson;

namespace DHub.Core.Seeding.Generators;

/// <summary>
/// Bogus's English first and last names, read once from its locale data and drawn with a
/// <see cref="SeedRandom"/>. Faker.Name draws from the same lists (a gender, then a name of it), but
/// through a Randomizer that locks on every draw and must be reseeded per person; a customer's
/// persona is drawn twice per seed for every customer.
/// </summary>
internal static class PersonNames
{
    public static readonly string[] First = [.. Names("male_first_name"), .. Names("female_first_name")];

    public static readonly string[] Last = Names("last_name");

    private static string[] Names(string path) =>
        Bogus.Database.Get("name", path) is BArray names && names.Count > 0
            ? Enumerable.Range(0, names.Count).Select(i => names[i].StringValue).ToArray()
            : throw new InvalidOperationException($"Bogus's English locale has no name.{path} list.");
}
