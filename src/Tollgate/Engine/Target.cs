namespace Tollgate;

/// <summary>
/// A build target: a function that fills in its definition. Declared as a property, usually a default
/// interface member of a component: <c>Target Test => _ => _.DependsOn(Compile).Executes(...)</c>.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
