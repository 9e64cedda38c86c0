namespace DHub.Core.DataHub.Gms;

/// <summary>What an emission sent: proposals and batches accepted by GMS, and how long it took.</summary>
/// <param name="Server">The GMS URL, without any user info.</param>
public sealed record EmissionResult(string Server, int Proposals, int Batches, TimeSpan Elapsed);
