#!/usr/bin/env bash
# Tollgate's overhead on repository-shaped fixtures of 1, 3 and 6 libraries (each with its own xunit test
# project with coverlet): warm `./build.sh Test` against `dotnet test <solution> --collect "XPlat Code Coverage"`
# (what a developer types for the same work: Tollgate collects coverage by default), and warm
# `./build.sh Test Coverage` against that plus reportgenerator. Alternating runs from one script on the same
# copy; medians. Usage: bench/overhead.sh [runs] [sizes…]   (default: 5 runs, sizes 1 3 6)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
shift || true
sizes=("${@:-1 3 6}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})

source "$here/bench/consumer.sh"

for count in "${sizes[@]}"; do
    work=$(mktemp -d)
    make_libraries "$work" "$count"
    (
        cd "$work"
        ./build.sh Test Coverage >/dev/null   # restores, builds the build program, installs ReportGenerator
        export reportgenerator="$work/.nuke/temp/tools/reportgenerator"
        bare_test() {
            rm -rf bare-results
            dotnet test Repo.slnx --configuration Release --nologo --results-directory bare-results --collect "XPlat Code Coverage" >/dev/null
        }
        bare_coverage() {
            bare_test
            rm -rf bare-coverage
            "$reportgenerator" "-reports:$(find bare-results -name coverage.cobertura.xml | paste -sd ';')" -targetdir:bare-coverage \
                "-reporttypes:Cobertura;JsonSummary;MarkdownSummaryGithub;HtmlInline" -verbosity:Warning >/dev/null
        }
        tollgate_test() { ./build.sh Test >/dev/null; }
        tollgate_coverage() { ./build.sh Test Coverage >/dev/null; }
        export -f bare_test bare_coverage tollgate_test tollgate_coverage
        python3 - "$runs" "$count" <<'PY'
import statistics, subprocess, sys, time
runs, count = int(sys.argv[1]), sys.argv[2]
def once(name):
    start = time.perf_counter()
    subprocess.run(["bash", "-c", name], check=True)
    return time.perf_counter() - start
for bare, tollgate, label in (("bare_test", "tollgate_test", "Test"), ("bare_coverage", "tollgate_coverage", "Test Coverage")):
    once(bare); once(tollgate)  # warm both
    times = {bare: [], tollgate: []}
    for _ in range(runs):
        for name in times:
            times[name].append(once(name))
    b, t = statistics.median(times[bare]), statistics.median(times[tollgate])
    print(f"{count} project(s), {label:13}: bare {b:6.2f} s, Tollgate {t:6.2f} s, ratio {t / b:.3f} ({100 * (t / b - 1):+.1f} %), median of {runs}")
PY
    )
    rm -rf "$work"
done
