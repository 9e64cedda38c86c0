namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>A campaign's window and audience: responses fall inside the window and mostly come from the audience.</summary>
internal readonly record struct CampaignFact(DateOnly Start, DateOnly End, string TargetSegment);

/// <summary>An interaction the customer was asked to rate; the survey copies its customer and follows its date.</summary>
internal readonly record struct SurveyedInteraction(int Interaction, int Customer, DateTime At, string Outcome);

internal sealed class CrmRegistry
{
    public ProducedFacts<CampaignFact> Campaigns { get; } = new("customer_db.campaigns");

    /// <summary>About 30 % of interactions: only these are kept, not the interactions themselves.</summary>
    public ProducedFacts<SurveyedInteraction> Surveyed { get; } = new("customer_db.interactions");
}
