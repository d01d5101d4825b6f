namespace Tollgate;

/// <summary>Every gate, the Ci job and Verify: what most repositories implement.</summary>
public interface IStandardGates : ICi, IVerify;
