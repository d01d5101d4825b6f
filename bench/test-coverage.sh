#!/usr/bin/env bash
# Tollgate's overhead: `./build.sh Test Coverage` on the sample fixture against the bare commands a person
# would type for the same result (dotnet build; dotnet test with TRX and the coverage collector;
# reportgenerator), run alternately from this one script on the same copy, warm. Prints medians and the ratio.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$here/bench/consumer.sh"
make_consumer "$work" ICoverage "((ITest)x).Test"

cd "$work"
# The same pinned ReportGenerator Tollgate installs, so both sides run the same tool.
./build.sh Test Coverage >/dev/null
reportgenerator="$work/.nuke/temp/tools/reportgenerator"

bare() {
    rm -rf bare-results bare-coverage
    dotnet build Sample.slnx --configuration Release --nologo >/dev/null
    dotnet test tests/Sample.Tests/Sample.Tests.csproj --no-build --configuration Release --nologo \
        --results-directory bare-results --logger "trx;LogFileName=results.trx" --collect "XPlat Code Coverage" >/dev/null
    "$reportgenerator" "-reports:$(find bare-results -name coverage.cobertura.xml | paste -sd ';')" -targetdir:bare-coverage \
        "-reporttypes:Cobertura;JsonSummary;MarkdownSummaryGithub;HtmlInline" -verbosity:Warning >/dev/null
}
tollgate() { ./build.sh Test Coverage >/dev/null; }
export -f bare tollgate
export reportgenerator

python3 - "$runs" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
def once(name):
    start = time.perf_counter()
    subprocess.run(["bash", "-c", name], check=True)
    return time.perf_counter() - start
once("bare"); once("tollgate")  # warm both
times = {"bare": [], "tollgate": []}
for _ in range(runs):
    for name in times:
        times[name].append(once(name))
bare, tollgate = statistics.median(times["bare"]), statistics.median(times["tollgate"])
print(f"bare commands:               {bare:6.2f} s (median of {runs})")
print(f"./build.sh Test Coverage:    {tollgate:6.2f} s (median of {runs})")
print(f"ratio: {tollgate / bare:.3f} (overhead {100 * (tollgate / bare - 1):+.1f} %)")
PY
