using Xunit.v3;

namespace DHub.Tests.Infrastructure.Tiers;

/// <summary>
/// Puts a test class in a slow tier, as the trait <c>Category=&lt;tier&gt;</c>, so that the fast tier
/// (the untagged tests) can run alone: <c>dotnet test --project DHub.Tests --filter-not-trait "Category=*"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public abstract class CategoryAttribute(string tier) : Attribute, ITraitAttribute
{
    public const string TraitName = "Category";

    public string Tier { get; } = tier;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, Tier)];
}
