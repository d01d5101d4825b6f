using System.Security.Cryptography;
using System.Text;

namespace Tollgate.Gates.Cache;

/// <summary>
/// Everything a unit's result depends on, by name: <c>file:src/A/Calc.cs</c> → its content's digest, <c>sdk</c> → the SDK's version,
/// <c>command</c> → the tool's arguments with the checkout's path left out. Never a timestamp, the checkout path or the CI host.
/// The key is the SHA-256 of the sorted pairs, so the same inputs give the same key on every machine.
/// </summary>
internal sealed class KeyIngredients
{
    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);

    /// <summary>The ingredients, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>Adds (or replaces) one ingredient.</summary>
    public KeyIngredients Add(string name, string? value)
    {
        values[name] = value ?? "";
        return this;
    }

    /// <summary>Adds one ingredient by its SHA-256 only: a value that may hold a secret (a command's properties, an environment variable) is never kept in the cache or shown by <c>--explain-cache</c>.</summary>
    public KeyIngredients AddDigest(string name, string? value) =>
        Add(name, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value ?? ""))));

    /// <summary>
    /// Adds a tool run as one digest: its command line, its arguments and its environment, with the checkout's root (and the
    /// tools folder, when given) standing for themselves, so every checkout of one commit renders the run alike.
    /// </summary>
    public KeyIngredients AddCommand(string name, ToolSettings run, string root, string? tools = null)
    {
        string Portable(string text) => (tools is null ? text : text.Replace(tools, "{tools}", StringComparison.Ordinal)).Replace(root.TrimEnd('/'), "{root}", StringComparison.Ordinal);
        return AddDigest(name, Portable(string.Join(' ', [.. run.RenderArguments(), .. run.Arguments])) + "\n"
            + string.Join('\n', run.EnvironmentVariables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Portable(v.Value ?? "")}")));
    }

    /// <summary>Adds every ingredient of <paramref name="other"/>.</summary>
    public KeyIngredients Add(KeyIngredients other)
    {
        foreach (var (name, value) in other.values)
        {
            values[name] = value;
        }

        return this;
    }

    /// <summary>The unit's key: the SHA-256 of the ingredients, as lower-case hex.</summary>
    public string Key => KeyOf(values);

    /// <summary>The key of a set of ingredients (as read back from an entry).</summary>
    public static string KeyOf(IReadOnlyDictionary<string, string> ingredients)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in ingredients.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\t').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>What differs between an earlier set of ingredients and this one, one line each: <c>changed file:src/A/Calc.cs</c>, <c>added …</c>, <c>removed …</c>.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now)
    {
        var changes = new List<string>();
        foreach (var (name, value) in now.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(name, out var old))
            {
                changes.Add($"added {name}");
            }
            else if (old != value)
            {
                changes.Add(name.StartsWith("file:", StringComparison.Ordinal) || value.Length > 60 || old.Length > 60 ? $"changed {name}" : $"changed {name}: {old} → {value}");
            }
        }

        changes.AddRange(before.Keys.Where(name => !now.ContainsKey(name)).Order(StringComparer.Ordinal).Select(name => $"removed {name}"));
        return changes;
    }
}
