namespace Tollgate;

/// <summary>Every gate, the Ci job, Verify, Deploy and Rollback, the CI templates and the portfolio audit: what most repositories implement.</summary>
public interface IStandardGates : ICi, IVerify, IDeploy, IGenerateCi, IAudit, IMergeEvidence;
