namespace DHub.Core.Databases;

/// <summary>A database of the server, as list-databases reports it.</summary>
/// <param name="SizeBytes">pg_database_size; null when the connected role may not connect to that database.</param>
/// <param name="Size">The size as pg_size_pretty prints it (e.g. "8553 kB"); null when unknown.</param>
/// <param name="IsDemo">True for the six demo databases, which DHub seeds and ingests by default.</param>
public sealed record ServerDatabase(string Name, long? SizeBytes, string? Size, bool IsDemo);
