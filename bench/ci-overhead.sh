#!/usr/bin/env bash
# Tollgate's Ci against a naive script running the same tools one after another, on the sample (1 library,
# 1 test project) and on 3 libraries each with its own test project:
#   Tollgate: ./build.sh Ci --skip Package   (every gate: Lint, Test, Coverage, ArchitectureTests, SecurityScan, Mutation)
#   naive:    dotnet build; dotnet test --collect coverage; reportgenerator; dotnet format --verify-no-changes;
#             dotnet-stryker per test project (concurrency = processors, 1000 ms additional timeout, as Tollgate)
# Tollgate does more (architecture rules, a secret scan) and still should take less: one build, test projects
# side by side, Lint and ArchitectureTests beside the tests, Stryker's solution mode. The NuGet audit and Trivy
# are waived in the copies (no vulnerability data and no Trivy here). Alternating warm runs; medians.
# Usage: bench/ci-overhead.sh [runs] [sizes…]   (default: 3 runs, sizes 1 3)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
shift || true
sizes=("${@:-1 3}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})

source "$here/bench/consumer.sh"

for count in "${sizes[@]}"; do
    # Two copies of the same repository, one per contender, so neither's builds invalidate the other's.
    work=$(mktemp -d)
    make_libraries "$work/tollgate" "$count"
    cat > "$work/tollgate/.nuke/security.json" <<'JSON'
{ "waivers": [ { "scanner": "trivy", "reason": "not installable on the bench machine" }, { "scanner": "nuget-audit", "reason": "the package mirror serves no vulnerability data" } ] }
JSON
    (cd "$work/tollgate" && git init -q && git add -A && git -c user.email=b@b -c user.name=bench commit -qm bench)
    cp -r "$work/tollgate" "$work/naive"
    (
        cd "$work/tollgate"
        ./build.sh Ci --skip Package >/dev/null || true   # restores, builds the build program, installs the tools
        echo "warm-up Ci: $(python3 -c 'import json; m = json.load(open("artifacts/evidence/manifest.json")); print(m["outcome"], {g["name"]: g["status"] for g in m["gates"]})')"
        export tools="$work/tollgate/.nuke/temp/tools" work
        naive() {
            cd "$work/naive"
            rm -rf naive-results naive-coverage naive-mutation
            dotnet build Repo.slnx --configuration Release --nologo >/dev/null
            dotnet test Repo.slnx --no-build --configuration Release --nologo --results-directory naive-results --collect "XPlat Code Coverage" >/dev/null
            "$tools/reportgenerator" "-reports:$(find naive-results -name coverage.cobertura.xml | paste -sd ';')" -targetdir:naive-coverage \
                "-reporttypes:Cobertura;JsonSummary;HtmlInline" -verbosity:Warning >/dev/null
            dotnet format Repo.slnx --verify-no-changes --no-restore >/dev/null
            for tests in tests/*/; do
                code=0
                mkdir -p "naive-mutation/$(basename "$tests")"
                printf '{ "stryker-config": { "configuration": "Release", "concurrency": %s, "additional-timeout": 1000, "reporters": ["json"] } }\n' "$(nproc)" \
                    > "naive-mutation/$(basename "$tests")/stryker-config.json"
                (cd "$tests" && "$tools/dotnet-stryker" --config-file "$work/naive/naive-mutation/$(basename "$tests")/stryker-config.json" \
                    --output "$work/naive/naive-mutation/$(basename "$tests")" --skip-version-check >/dev/null) || code=$?
                [ "$code" -eq 0 ] || [ "$code" -eq 2 ] || { echo "stryker failed in $tests ($code)" >&2; return 1; }
            done
        }
        tollgate() { cd "$work/tollgate" && { ./build.sh Ci --skip Package >/dev/null || true; }; }
        export -f naive tollgate
        python3 - "$runs" "$count" <<'PY'
import statistics, subprocess, sys, time
runs, count = int(sys.argv[1]), sys.argv[2]
def once(name):
    start = time.perf_counter()
    subprocess.run(["bash", "-c", name], check=True)
    return time.perf_counter() - start
once("naive"); once("tollgate")  # warm both
times = {"naive": [], "tollgate": []}
for _ in range(runs):
    for name in times:
        times[name].append(once(name))
n, t = statistics.median(times["naive"]), statistics.median(times["tollgate"])
print(f"{count} library(ies): naive script {n:6.1f} s, ./build.sh Ci --skip Package {t:6.1f} s, ratio {t / n:.2f}, median of {runs}")
PY
    )
    rm -rf "$work"
done
