using System.Linq.Expressions;

namespace Tollgate.Engine;

/// <summary>A build that carries parameter values; component interfaces read theirs through it.</summary>
public interface IParameterProvider
{
    /// <summary>The build's resolved parameters.</summary>
    ParameterValues Parameters { get; }
}

/// <summary>The accessor a component interface uses for its parameters.</summary>
public static class ParameterProviderExtensions
{
    /// <summary>
    /// The value given for the parameter <paramref name="member"/> names, or <paramref name="fallback"/> when
    /// none was given: <c>[Parameter] string Configuration => this.ValueOf(() => Configuration, "Release");</c>
    /// </summary>
    public static T ValueOf<T>(this IParameterProvider build, Expression<Func<T>> member, T fallback)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        if (body is not MemberExpression { Member: var info })
        {
            throw new BuildException($"ValueOf needs a member, as in () => Configuration; got {member}.");
        }

        return build.Parameters.TryGet(info.Name, out var value) ? (T)value! : fallback;
    }
}
