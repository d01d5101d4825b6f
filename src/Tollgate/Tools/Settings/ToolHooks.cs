namespace Tollgate.Tools;

/// <summary>
/// The build's hooks, one per settings type (<c>ITest.TestSettings</c>, <c>IPackage.PackSettings</c>, …): a step asks for its
/// run's settings to be changed by the build before it renders the command line; a type without a hook is left as built.
/// </summary>
internal sealed class ToolHooks
{
    private readonly Dictionary<Type, Delegate> hooks = [];

    /// <summary>No hooks: every run as the step built it.</summary>
    public static ToolHooks None { get; } = new();

    /// <summary>These hooks and <paramref name="hook"/> for <typeparamref name="T"/> (replacing an earlier one).</summary>
    public ToolHooks With<T>(Configure<T> hook)
        where T : ToolSettings
    {
        var next = new ToolHooks();
        foreach (var (type, existing) in hooks)
        {
            next.hooks[type] = existing;
        }

        next.hooks[typeof(T)] = hook;
        return next;
    }

    /// <summary><paramref name="settings"/> as the build's hook for <typeparamref name="T"/> changes them.</summary>
    /// <exception cref="InvalidOperationException">The hook returned null.</exception>
    public T Apply<T>(T settings)
        where T : ToolSettings =>
        hooks.TryGetValue(typeof(T), out var hook)
            ? ((Configure<T>)hook)(settings) ?? throw new InvalidOperationException($"The build's {typeof(T).Name} hook returned null; return the settings it was given, changed or not.")
            : settings;
}
