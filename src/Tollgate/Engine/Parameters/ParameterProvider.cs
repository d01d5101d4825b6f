using System.Linq.Expressions;
using System.Reflection;
using Tollgate.Engine;

namespace Tollgate;

/// <summary>A build that carries parameter values; component interfaces read theirs through it.</summary>
public interface IParameterProvider
{
    /// <summary>The build's resolved parameters.</summary>
    internal ParameterValues Parameters { get; }
}

/// <summary>The accessor a component interface uses for its parameters.</summary>
public static class ParameterProviderExtensions
{
    /// <summary>
    /// The value given for the parameter <paramref name="member"/> names, or <paramref name="fallback"/> when
    /// none was given: <c>[Parameter] string Configuration => this.ValueOf(() => Configuration, "Release");</c>
    /// </summary>
    public static T ValueOf<T>(this IParameterProvider build, Expression<Func<T>> member, T fallback) =>
        build.Parameters.TryGet(NameOf(MemberOf(member, "ValueOf")), out var value) ? (T)value! : fallback;

    /// <summary>
    /// The parameter's value as a target should use it: the value given (command line, environment, profile,
    /// parameters file) when there is one, else the property itself — the build's override in code, or the
    /// component's default. Component code reads its parameters this way, so <c>double ICoverage.CoverageThreshold => 85;</c>
    /// in a build stays overridable with <c>--coverage-threshold</c>: <c>this.Read(() =&gt; CoverageThreshold)</c>.
    /// </summary>
    public static T Read<T>(this IParameterProvider build, Expression<Func<T>> member) =>
        MemberOf(member, "Read") is PropertyInfo property
            ? build.Parameters.TryGet(NameOf(property), out var value) ? (T)value! : (T)property.GetValue(build)!
            : throw new BuildException($"Read needs a parameter property, as in () => Configuration; got {member}.");

    // The parameter's name: its attribute's, else the member's.
    private static string NameOf(MemberInfo member) => member.GetCustomAttribute<ParameterAttribute>()?.Name ?? member.Name;

    private static MemberInfo MemberOf<T>(Expression<Func<T>> member, string caller)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: var info }
            ? info
            : throw new BuildException($"{caller} needs a member, as in () => Configuration; got {member}.");
    }
}
