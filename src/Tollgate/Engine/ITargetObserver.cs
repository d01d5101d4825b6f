namespace Tollgate.Engine;

/// <summary>Told when a target starts and ends, e.g. to open and close a collapsible section in a CI log.</summary>
internal interface ITargetObserver
{
    /// <summary>A target is about to run its actions.</summary>
    void Starting(string target);

    /// <summary>A target that started has ended.</summary>
    void Finished(TargetResult result);
}
