namespace Tollgate;

/// <summary>Every gate, the Ci job, Verify, and the CI templates and portfolio audit: what most repositories implement.</summary>
public interface IStandardGates : ICi, IVerify, IGenerateCi, IAudit;
