namespace Tollgate.Tools.Assemblies;

/// <summary>One type a type depends on, and where the dependency was found.</summary>
/// <param name="Target">The full name of the type depended on (<c>Namespace.Outer+Inner</c>).</param>
/// <param name="Member">Where: <c>base type</c>, <c>interface</c>, <c>attribute</c>, <c>field x</c>, <c>method M</c>, <c>method M (lambda)</c>, <c>method M (async)</c>…</param>
internal sealed record TypeDependency(string Target, string Member);

/// <summary>A type of an assembly with everything its IL references (compiler-generated types folded into the type that declared them).</summary>
/// <param name="Type">Its full name.</param>
/// <param name="Namespace">Its namespace (that of the outermost type, for nested types).</param>
/// <param name="Assembly">The assembly's simple name.</param>
/// <param name="BaseTypes">Its base type chain's direct base and its interfaces, by full name (for placement rules).</param>
/// <param name="Dependencies">Every dependency, once per target and member.</param>
internal sealed record TypeDependencies(string Type, string Namespace, string Assembly, IReadOnlyList<string> BaseTypes, IReadOnlyList<TypeDependency> Dependencies);
