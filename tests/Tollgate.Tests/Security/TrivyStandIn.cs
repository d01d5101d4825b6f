namespace Tollgate.Tests.Security;

/// <summary>
/// An executable standing in for Trivy, which cannot be installed here: it answers
/// <c>trivy version --format json</c>, refuses any scan whose arguments are not those Tollgate must pass
/// (JSON to a file, exit code 0, Tollgate's cache, an empty config and ignore file), logs each call and the
/// names of the <c>TRIVY_*</c> variables it sees, and replays the report given for the command.
/// </summary>
internal sealed class TrivyStandIn
{
    public TrivyStandIn(string directory, string version, IReadOnlyDictionary<string, string> replays)
    {
        Path = System.IO.Path.Combine(directory, "trivy");
        Calls = System.IO.Path.Combine(directory, "calls.log");
        Variables = System.IO.Path.Combine(directory, "variables.log");
        var versionJson = "{\"Version\":\"" + version + "\",\"VulnerabilityDB\":{\"Version\":2}}";
        var cases = string.Concat(replays.Select(r => $"  {r.Key}) replay='{r.Value}';;\n"));
        File.WriteAllText(Path, $$"""
            #!/usr/bin/env bash
            printf '%s\n' "$*" >> '{{Calls}}'
            env | grep '^TRIVY_' | sed 's/=.*//' >> '{{Variables}}'
            fail() { echo "trivy stand-in: $*" >&2; exit 64; }
            if [ "$1" = version ]; then
              [ "$2 $3" = "--format json" ] || fail "expected: version --format json"
              printf '%s\n' '{{versionJson}}'
              exit 0
            fi
            command=$1; shift
            format=; output=; code=; cache=; config=; ignore=
            while [ $# -gt 1 ]; do
              case "$1" in
                --format) format=$2; shift 2;;
                --output) output=$2; shift 2;;
                --exit-code) code=$2; shift 2;;
                --cache-dir) cache=$2; shift 2;;
                --config) config=$2; shift 2;;
                --ignorefile) ignore=$2; shift 2;;
                --scanners|--skip-dirs) shift 2;;
                --skip-db-update|--skip-java-db-update|--offline-scan|--skip-check-update) shift;;
                *) fail "unexpected argument $1";;
              esac
            done
            [ "$format" = json ] || fail "expected --format json"
            [ "$code" = 0 ] || fail "expected --exit-code 0"
            [ -n "$output" ] || fail "expected --output"
            case "$cache" in */.nuke/temp/trivy/cache) ;; *) fail "expected the cache under .nuke/temp/trivy, got '$cache'";; esac
            [ -f "$config" ] && [ ! -s "$config" ] || fail "expected an empty --config file"
            [ -f "$ignore" ] && [ ! -s "$ignore" ] || fail "expected an empty --ignorefile"
            replay=
            case "$command" in
            {{cases}}  *) fail "no report to replay for '$command'";;
            esac
            [ -n "$replay" ] || fail "no report for $command"
            cp "$replay" "$output"
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public string Calls { get; }

    public string Variables { get; }

    public IReadOnlyList<string[]> ReadCalls() =>
        File.Exists(Calls) ? File.ReadAllLines(Calls).Select(l => l.Split(' ')).ToList() : [];

    public IReadOnlyList<string> ReadVariables() => File.Exists(Variables) ? File.ReadAllLines(Variables).Distinct().ToList() : [];
}
