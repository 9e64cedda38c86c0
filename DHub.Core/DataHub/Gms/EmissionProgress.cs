namespace DHub.Core.DataHub.Gms;

/// <summary>Reported after every batch (or deletion) GMS accepted.</summary>
public sealed record EmissionProgress(int BatchesSent, int TotalBatches, int ProposalsSent, int TotalProposals);
