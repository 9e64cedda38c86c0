using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.ReferenceData;

/// <summary>Who a customer is: the identity shared by accounts_db.customers and customer_db.customer_profiles.</summary>
internal readonly record struct CustomerPersona(string FirstName, string LastName, string Email, string Phone);

/// <summary>
/// Derives customer i's persona from its own seed. Both the customer master and the CRM profile
/// (and the guarantor and beneficiary tables, which reuse the family name) replay it instead of
/// keeping a million names in memory.
/// </summary>
internal sealed class CustomerPersonas(SeedContext ctx)
{
    private static readonly string[] MailProviders = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"];

    public CustomerPersona For(int customer)
    {
        var random = EntityRandom.For(ctx, "customers.persona", customer);
        var first = random.ArrayElement(PersonNames.First);
        var last = random.ArrayElement(PersonNames.Last);
        var email = ContactDetails.Email(first, last, (customer + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), random.ArrayElement(MailProviders));
        return new CustomerPersona(first, last, email, ContactDetails.Phone(random));
    }
}
