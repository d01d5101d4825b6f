using Tollgate.Ci;
using Tollgate.IO;

namespace Tollgate;

/// <summary>Writes the chosen CI host's template (shipped in <c>shared-targets/ci/</c>) into the repository.</summary>
public interface IGenerateCi : ITollgateBuild
{
    /// <summary>The CI host to write the template of.</summary>
    [Parameter("The CI host whose template GenerateCi writes: github-actions, gitlab-ci, azure-pipelines or jenkins")]
    string? Host => this.ValueOf(() => Host, null);

    /// <summary>Replace a different file that is already there (it is kept as .bak).</summary>
    [Parameter("Let GenerateCi replace a CI file that differs from the template (the old one is kept as <file>.bak)")]
    bool Force => this.ValueOf(() => Force, false);

    /// <summary>How many agents the template splits Ci over.</summary>
    [Parameter("Split Ci over this many agents in the template GenerateCi writes: the host's matrix or parallel job with --shard, and a merge job (MergeEvidence, then Package)")]
    [Bounds(1, 64)]
    int Shards => this.ValueOf(() => Shards, 1);

    /// <summary>Writes the template.</summary>
    Target GenerateCi => _ => _
        .Description("Write the CI template of --host into this repository")
        .Requires(() => this.Read(() => Host) != null, "--host")
        .LeavesEvidenceAlone()
        .Executes(context =>
        {
            CiTemplate template;
            try
            {
                template = CiTemplate.For(this.Read(() => Host)!);
            }
            catch (ArgumentException exception)
            {
                throw new BuildException(exception.Message);
            }

            var target = RootDirectory / template.Target;
            var text = this.Read(() => Shards) > 1 ? template.Sharded(this.Read(() => Shards)) : template.Text;
            if (File.Exists(target))
            {
                if (File.ReadAllText(target) == text)
                {
                    context.Log.Always($"{template.Target} is up to date.");
                    context.Headline = $"{template.Target} up to date";
                    return;
                }

                if (!this.Read(() => Force))
                {
                    throw new BuildException($"{template.Target} exists and differs from Tollgate's {this.Read(() => Host)} template; merge by hand, or run GenerateCi again with --force (the old file is kept as {template.Target}.bak).");
                }

                File.Copy(target, target + ".bak", overwrite: true);
                context.Log.Warn($"Kept the previous {template.Target} as {template.Target}.bak.");
            }

            AtomicFile.Write(target, text);
            context.Log.Always($"Wrote {template.Target}: {template.NextStep}.");
            context.Headline = $"wrote {template.Target}";
        });
}
