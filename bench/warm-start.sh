#!/usr/bin/env bash
# Warm start of the bootstrap: ./build.sh --help with nothing changed (no rebuild of build/_build.csproj),
# against what a plain `dotnet build` of an up-to-date build project costs. Prints medians of N runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-10}
./build.sh --help >/dev/null   # make sure the build project is built
python3 - "$runs" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
def median(command):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
warm = median(["./build.sh", "--help"])
build = median(["dotnet", "build", "build/_build.csproj", "--nologo", "--verbosity", "quiet", "--output", ".nuke/temp/bench-bin"])
print(f"./build.sh --help (warm): {warm:.3f} s median of {runs}")
print(f"dotnet build of the up-to-date build project: {build:.3f} s median of {runs}")
PY
