using System.Text.Json;
using Tollgate.Evidence;
using Tollgate.IO;

namespace Tollgate.Deploy;

/// <summary>An environment's deployment history: a JSON array of <see cref="DeploymentRecord"/>, appended to, never rewritten otherwise.</summary>
internal static class DeploymentHistory
{
    /// <summary>The records in <paramref name="path"/>; none when it does not exist.</summary>
    public static IReadOnlyList<DeploymentRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<DeploymentRecord>>(File.ReadAllText(path), EvidenceJson.Options) ?? [];
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a deployment history ({exception.Message.Split('\n')[0]}); it is a JSON array Tollgate appends to.", exception);
        }
    }

    /// <summary>Appends <paramref name="record"/> (atomically).</summary>
    public static void Append(string path, DeploymentRecord record) =>
        AtomicFile.Write(path, EvidenceJson.Serialize(Read(path).Append(record).ToList()));

    /// <summary>The version in place before the current one: the one a rollback returns to.</summary>
    public static DeploymentRecord? Previous(IReadOnlyList<DeploymentRecord> history)
    {
        var inPlace = InPlace(history);
        return inPlace.Count >= 2 ? inPlace[^2] : null;
    }

    /// <summary>The versions that were put in place, in order, with rollbacks taking the latest off.</summary>
    public static IReadOnlyList<DeploymentRecord> InPlace(IReadOnlyList<DeploymentRecord> history)
    {
        var stack = new List<DeploymentRecord>();
        foreach (var record in history.Where(r => r.Outcome == "succeeded"))
        {
            if (record.Action == "rollback" && stack.Count > 0)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else if (record.Action == "deploy")
            {
                stack.Add(record);
            }
        }

        return stack;
    }
}
