using Bogus.Bson;

namespace DHub.Core.Seeding.ReferenceData;

/// <summary>
/// Fixed lists from Bogus's English locale data (names, state abbreviations), read once, so that a
/// <see cref="SeedRandom"/> can draw from them directly instead of going through a Faker.
/// </summary>
internal static class BogusLists
{
    public static string[] Read(string category, string path) =>
        Bogus.Database.Get(category, path) is BArray items && items.Count > 0
            ? Enumerable.Range(0, items.Count).Select(i => items[i].StringValue).ToArray()
            : throw new InvalidOperationException($"Bogus's English locale has no {category}.{path} list.");
}
