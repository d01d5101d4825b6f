using System.Reflection;

namespace Tollgate.Engine;

/// <summary>
/// The converted values of a build's parameters. Values for the build's own fields and properties are
/// written into them; component interfaces read theirs with <see cref="ParameterProviderExtensions.ValueOf{T}"/>.
/// </summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<string, (object? Value, RawValue Raw)> values;
    private readonly AsyncLocal<string?> suppressed = new();

    private ParameterValues(IReadOnlyList<ParameterDescriptor> descriptors, Dictionary<string, (object? Value, RawValue Raw)> values)
    {
        Descriptors = descriptors;
        this.values = values;
    }

    /// <summary>No parameters set: every <c>ValueOf</c> gives its default.</summary>
    public static ParameterValues Empty { get; } = new([], []);

    /// <summary>Every declared parameter.</summary>
    public IReadOnlyList<ParameterDescriptor> Descriptors { get; }

    /// <summary>
    /// Converts every parameter's value from the highest source that has it. An argument or a file key
    /// that names no parameter, or a value that does not convert, is a <see cref="BuildException"/>.
    /// </summary>
    public static ParameterValues Resolve(IReadOnlyList<ParameterDescriptor> descriptors, ParameterSources sources, AbsolutePath root, SecretMasker masker)
    {
        var known = descriptors.ToDictionary(d => Names.Normalize(d.Name));
        foreach (var (name, raw) in sources.CommandLineValues.Concat(sources.FileValues))
        {
            if (!known.TryGetValue(name, out var descriptor))
            {
                throw new BuildException(
                    $"Unknown parameter {raw.Origin}.{Names.DidYouMean(name, descriptors.Select(d => d.KebabName))} Run ./build.sh --help for the list.");
            }

            if (raw.Source == ParameterSource.CommandLine && Names.FormerKebabCase(descriptor.Name) is { } former
                && string.Equals(raw.Origin, "--" + former, StringComparison.OrdinalIgnoreCase))
            {
                throw new BuildException($"{raw.Origin} is now spelled --{descriptor.KebabName}; write that.");
            }
        }

        var values = new Dictionary<string, (object? Value, RawValue Raw)>();
        foreach (var (name, descriptor) in known)
        {
            if (sources.Find(name) is not { } raw)
            {
                continue;
            }

            var value = ValueConverter.Convert(descriptor.Type, raw, descriptor.KebabName, root);
            CheckBounds(descriptor, value, raw);
            foreach (var word in raw.Values)
            {
                masker.AddUrlCredentials(word);
            }

            if (descriptor.IsSecret)
            {
                masker.Add(value as string);
                foreach (var word in raw.Values)
                {
                    masker.Add(word);
                }
            }

            values[name] = (value, raw);
        }

        return new ParameterValues(descriptors, values);
    }

    private static void CheckBounds(ParameterDescriptor descriptor, object? value, RawValue raw)
    {
        if (descriptor.Bounds is not { } bounds || value is null)
        {
            return;
        }

        var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsNaN(number) || number < bounds.Minimum || number > bounds.Maximum)
        {
            var range = double.IsPositiveInfinity(bounds.Maximum) ? $"{bounds.Minimum} or more" : $"from {bounds.Minimum} to {bounds.Maximum}";
            throw new BuildException($"--{descriptor.KebabName} {string.Join(" ", raw.Values)} ({raw.Origin}) is out of range: expected a number {range}.");
        }
    }

    /// <summary>The set value of the parameter named <paramref name="name"/>, if a source set it.</summary>
    public bool TryGet(string name, out object? value)
    {
        var key = Names.Normalize(name);
        if (suppressed.Value != key && values.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Writes set values into the build's own parameter fields and properties.</summary>
    public void Inject(object build)
    {
        foreach (var descriptor in Descriptors.Where(d => !d.IsComponentMember))
        {
            if (TryGet(descriptor.Name, out var value))
            {
                Writable(descriptor.Member)?.Invoke(build, value);
            }
        }
    }

    /// <summary>Every parameter's value now, its default and its source.</summary>
    /// <param name="build">The build, after <see cref="Inject"/>.</param>
    /// <param name="defaults">The values of the build's own members before injection.</param>
    public IReadOnlyList<ResolvedParameter> Report(object build, IReadOnlyDictionary<string, object?> defaults)
    {
        return Descriptors.Select(descriptor =>
        {
            var key = Names.Normalize(descriptor.Name);
            var overridden = descriptor.Member is PropertyInfo property && CodeOverride.Overrides(build.GetType(), property);
            var fallback = Fallback(build, descriptor, key, defaults);
            if (values.TryGetValue(key, out var set))
            {
                return new ResolvedParameter(descriptor, set.Value, fallback, set.Raw.Source, set.Raw.Origin);
            }

            return overridden
                ? new ResolvedParameter(descriptor, Read(build, descriptor), fallback, ParameterSource.Code, "code")
                : new ResolvedParameter(descriptor, Read(build, descriptor), fallback, ParameterSource.Default, "default");
        }).ToList();
    }

    // The value nobody set: the build's own member as it was before injection, or the component's default
    // (its own getter, not the build's override, read while the given value is hidden from it).
    private object? Fallback(object build, ParameterDescriptor descriptor, string key, IReadOnlyDictionary<string, object?> defaults)
    {
        if (!descriptor.IsComponentMember && defaults.TryGetValue(key, out var own))
        {
            return own;
        }

        suppressed.Value = key;
        try
        {
            return descriptor.Member is PropertyInfo property && descriptor.IsComponentMember
                ? CodeOverride.ComponentValue(build, property)
                : Read(build, descriptor);
        }
        finally
        {
            suppressed.Value = null;
        }
    }

    /// <summary>The values of the build's own parameter members, read before anything is injected.</summary>
    public static IReadOnlyDictionary<string, object?> ReadDefaults(object build, IEnumerable<ParameterDescriptor> descriptors) =>
        descriptors.Where(d => !d.IsComponentMember).ToDictionary(d => Names.Normalize(d.Name), d => Read(build, d));

    private static object? Read(object build, ParameterDescriptor descriptor) => descriptor.Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    private static Action<object, object?>? Writable(MemberInfo member)
    {
        switch (member)
        {
            case FieldInfo field:
                return field.SetValue;
            case PropertyInfo { CanWrite: true } property:
                return property.SetValue;
            case PropertyInfo property:
                var backing = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
                return backing is null ? null : backing.SetValue;
            default:
                return null;
        }
    }
}
