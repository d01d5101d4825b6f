using System.Reflection;

namespace Tollgate.Engine;

/// <summary>A parameter of a build: a member marked <see cref="ParameterAttribute"/>.</summary>
internal sealed record ParameterDescriptor(MemberInfo Member, Type Type, string? Description, bool IsSecret)
{
    /// <summary>The member's name, e.g. <c>MSBuildProperties</c>.</summary>
    public string Name => Member.GetCustomAttribute<ParameterAttribute>()?.Name ?? Member.Name;

    /// <summary>The command-line form, e.g. <c>msbuild-properties</c>.</summary>
    public string KebabName => Names.ToKebabCase(Name);

    /// <summary>The range a number must be in, when the member declares one.</summary>
    public BoundsAttribute? Bounds => Member.GetCustomAttribute<BoundsAttribute>();

    /// <summary>True for a member of a component interface, read through <c>ValueOf</c> rather than set.</summary>
    public bool IsComponentMember => Member.DeclaringType!.IsInterface;

    /// <summary>Every parameter of a build type: its own fields and properties and those of its component interfaces.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = new List<MemberInfo>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            members.AddRange(type.GetFields(flags));
            members.AddRange(type.GetProperties(flags).Where(p => !p.Name.Contains('.', StringComparison.Ordinal)));
        }

        members.AddRange(buildType.GetInterfaces().SelectMany(i => i.GetProperties(flags)));

        var found = members
            .Where(m => m.GetCustomAttribute<ParameterAttribute>() is not null)
            .Select(m => new ParameterDescriptor(
                m,
                m is FieldInfo f ? f.FieldType : ((PropertyInfo)m).PropertyType,
                m.GetCustomAttribute<ParameterAttribute>()!.Description,
                m.GetCustomAttribute<SecretAttribute>() is not null))
            .ToList();

        var clash = found.GroupBy(p => Names.Normalize(p.Name)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var owners = string.Join(" and ", clash.Select(p => p.Member.DeclaringType!.Name).Order(StringComparer.Ordinal));
            throw new BuildException($"Parameter '--{clash.First().KebabName}' is declared by {owners}; rename one of them.");
        }

        return found.OrderBy(p => p.KebabName, StringComparer.Ordinal).ToList();
    }
}
