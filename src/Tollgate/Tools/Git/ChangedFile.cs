namespace Tollgate.Tools.Git;

/// <summary>How a file changed between the base and HEAD.</summary>
internal enum ChangeKind
{
    /// <summary>New in HEAD.</summary>
    Added,

    /// <summary>Changed in place.</summary>
    Modified,

    /// <summary>Moved (and maybe changed): <see cref="ChangedFile.OldPath"/> names where it was.</summary>
    Renamed,

    /// <summary>Gone in HEAD: it has no lines to cover.</summary>
    Deleted,
}

/// <summary>One file of a diff: its path in HEAD (the old path for a deleted file), where it was, and its added or changed lines (1-based, in HEAD).</summary>
internal sealed record ChangedFile(string Path, string? OldPath, ChangeKind Kind, IReadOnlySet<int> Lines);
