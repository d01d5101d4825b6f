namespace Tollgate.Gates.SecurityScan;

/// <summary>How one scanner fared.</summary>
internal enum ScannerState
{
    /// <summary>It ran and its report was read.</summary>
    Ran,

    /// <summary>The policy waived it; it did not run.</summary>
    Waived,

    /// <summary>It is not installed, or has no data to scan with.</summary>
    Missing,

    /// <summary>It ran and failed, or its report could not be read.</summary>
    Failed,
}

/// <summary>One scanner's run: its state, version, and the message for anything but <see cref="ScannerState.Ran"/>.</summary>
internal sealed record ScannerRun(string Scanner, ScannerState State, string? Version, string? Message = null);
