using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.ReferenceData;

/// <summary>E-mail addresses and phone numbers in one consistent, US-looking format.</summary>
internal static class ContactDetails
{
    /// <summary>
    /// <c>first.last{tag}@domain</c>: the tag (an employee number, a customer index) makes the
    /// address unique by construction, so no set of used addresses has to be kept or redrawn.
    /// </summary>
    public static string Email(string firstName, string lastName, string uniqueTag, string domain) =>
        $"{Slug(firstName)}.{Slug(lastName)}{uniqueTag}@{domain}";

    /// <summary>NNN-NNN-NNNN with no leading 0 or 1 in the area code and exchange, as North American numbers are.</summary>
    public static string Phone(SeedRandom random) =>
        $"{random.Number(201, 989)}-{random.Number(200, 999)}-{random.Number(1000, 9999)}";

    private static string Slug(string name) =>
        new(name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
}
