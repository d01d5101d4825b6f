#!/usr/bin/env bash
# Tollgate's Mutation against bare Stryker.NET on the same multi-project scope: a fixture of 3 libraries, each
# with its own test project (the sample's), mutated (a) by `./build.sh Mutation --skip Test` — Stryker's solution
# mode, one analysis for all three — (b) by bare `dotnet stryker --solution` with the same settings
# (concurrency 2, 1000 ms additional timeout, net10.0), and (c) by Tollgate one project at a time
# (--mutation-projects). Prints the medians, the ratio of (a) to (b), and each run's score.
# Usage: bench/mutation-scope.sh [runs]   (default 2)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/bench/consumer.sh"
make_libraries "$work" 3
cd "$work"
./build.sh Test --mutation-concurrency 2 >/dev/null        # restore, build, install the build program
./build.sh Mutation --skip Test >/dev/null                 # installs the pinned Stryker into .nuke/temp/tools
cat > bare-stryker.json <<'JSON'
{ "stryker-config": { "solution": "Repo.slnx", "configuration": "Release", "concurrency": 2, "additional-timeout": 1000, "target-framework": "net10.0", "reporters": ["json"] } }
JSON
export work
# Each Tollgate run prints the Mutation target's own duration (from the summary) before the score.
target_seconds() { python3 -c "import json,sys; m=json.load(open('$work/artifacts/evidence/manifest.json')); print(next(t['durationSeconds'] for t in m['targets'] if t['name']=='Mutation'))"; }
tollgate_solution() { ./build.sh Mutation --skip Test --mutation-concurrency 2 >/dev/null; target_seconds; python3 "$work/score.py" "$work/artifacts/mutation/solution/reports/mutation-report.json"; }
tollgate_projects() { ./build.sh Mutation --skip Test --mutation-concurrency 2 --mutation-projects 'Lib*.csproj' >/dev/null; target_seconds; python3 "$work/score.py" "$work"/artifacts/mutation/Lib*/reports/mutation-report.json; }
bare() { rm -rf bare-out; .nuke/temp/tools/dotnet-stryker --config-file bare-stryker.json --output bare-out --skip-version-check >/dev/null; python3 "$work/score.py" bare-out/reports/mutation-report.json; }
export -f tollgate_solution tollgate_projects bare target_seconds
cat > score.py <<'PY'
import json, sys
statuses = [m["status"] for path in sys.argv[1:] for f in json.load(open(path))["files"].values() for m in f["mutants"]]
detected = sum(s in ("Killed", "Timeout") for s in statuses)
valid = detected + sum(s in ("Survived", "NoCoverage") for s in statuses)
print(f"{100 * detected / valid:.2f} % ({detected}/{valid})")
PY
python3 - "$runs" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
names = ("tollgate_solution", "bare", "tollgate_projects")
whole, target, scores = {n: [] for n in names}, {n: [] for n in names}, {}
for _ in range(runs):
    for name in names:
        start = time.perf_counter()
        lines = subprocess.run(["bash", "-c", name], check=True, capture_output=True, text=True).stdout.strip().split("\n")
        whole[name].append(time.perf_counter() - start)
        scores[name] = lines[-1]
        target[name].append(float(lines[0]) if len(lines) > 1 else whole[name][-1])
med = lambda d, n: statistics.median(d[n])
for name in names:
    print(f"{name:18} command {med(whole, name):6.1f} s, Mutation target {med(target, name):6.1f} s (medians of {runs})  score {scores[name]}")
print(f"ratio Tollgate's Mutation target (solution mode) / bare Stryker: {med(target, 'tollgate_solution') / med(whole, 'bare'):.3f}")
print(f"ratio whole ./build.sh Mutation --skip Test (with Compile after Stryker's own builds) / bare Stryker: {med(whole, 'tollgate_solution') / med(whole, 'bare'):.3f}")
print(f"one analysis instead of three saves {med(target, 'tollgate_projects') - med(target, 'tollgate_solution'):.1f} s")
PY
