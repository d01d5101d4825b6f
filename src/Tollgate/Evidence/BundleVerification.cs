namespace Tollgate.Evidence;

/// <summary>
/// Verify from inputs to outcome: reads the trusted keys, checks the bundle (digests, schema, figures, signature), and says
/// in one line what verified and by whom it was signed.
/// </summary>
internal static class BundleVerification
{
    /// <summary>What the check found.</summary>
    /// <param name="Problems">Every problem, one line each; empty: it verifies.</param>
    /// <param name="Summary">What verified and how it is signed (only meaningful without problems).</param>
    internal sealed record Outcome(IReadOnlyList<string> Problems, string Summary);

    /// <summary>Verifies <paramref name="bundle"/> (named <paramref name="shownAs"/>) against the keys at <paramref name="keyPaths"/>, if any.</summary>
    /// <exception cref="InvalidDataException">A key cannot be read; the message names it and the fix.</exception>
    public static Outcome Run(string bundle, string shownAs, IReadOnlyList<string> keyPaths)
    {
        var keys = new List<EvidenceKey>();
        try
        {
            keys.AddRange(keyPaths.Select(path => EvidenceKey.Read(path, "--evidence-public-key")));
            var problems = EvidenceVerifier.Verify(bundle, keys.Count == 0 ? null : keys);
            if (problems.Count > 0)
            {
                return new Outcome(problems, $"{shownAs} does not verify: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}");
            }

            var signing = BundleFiles.ReadManifest(bundle).Signing;
            return new Outcome([], $"{shownAs} verifies: every file and verdict matches its manifest; "
                + (signing?.IsSigned != true ? "the bundle is unsigned." : keys.Count > 0 ? $"signed by trusted key {signing.KeyId}." : $"signed by key {signing.KeyId}, not checked (give --evidence-public-key to check it)."));
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }
}
