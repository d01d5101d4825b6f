namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// What the secret scan did: how many files it read, what it found, the files it passed over on purpose (links,
/// binaries, submodules, files deleted since git listed them) and those it could not read (each a finding).
/// </summary>
internal sealed record SecretScan(int Scanned, IReadOnlyList<SecretHit> Hits, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<SkippedFile> Unreadable);
