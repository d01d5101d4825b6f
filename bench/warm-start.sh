#!/usr/bin/env bash
# Warm start of the bootstrap: ./build.sh --help with nothing changed (no rebuild of build/_build.csproj),
# against what a plain `dotnet build` of an up-to-date build project costs. Prints medians of N runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-10}
./build.sh --help >/dev/null   # make sure the build project is built
# Every git process a run starts goes through a shim that logs it.
shims=$(mktemp -d)
trap 'rm -rf "$shims"' EXIT
printf '#!/bin/sh\necho "git $*" >> "%s/git.log"\nexec "%s" "$@"\n' "$shims" "$(command -v git)" > "$shims/git"
chmod +x "$shims/git"
python3 - "$runs" "$shims" <<'PY'
import os, statistics, subprocess, sys, time
runs, shims = int(sys.argv[1]), sys.argv[2]
log = os.path.join(shims, "git.log")
environment = dict(os.environ, PATH=shims + ":" + os.environ["PATH"])
subprocess.run(["./build.sh", "--help"], stdout=subprocess.DEVNULL, check=True, env=environment)
git = 0
for _ in range(runs):
    if os.path.exists(log):
        os.remove(log)
    subprocess.run(["./build.sh", "--help"], stdout=subprocess.DEVNULL, check=True, env=environment)
    git = max(git, sum(1 for _ in open(log)) if os.path.exists(log) else 0)
def median(command):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
warm = median(["./build.sh", "--help"])
build = median(["dotnet", "build", "build/_build.csproj", "--nologo", "--verbosity", "quiet", "--output", ".nuke/temp/bench-bin"])
print(f"./build.sh --help (warm): {warm:.3f} s median of {runs}; git processes started by one run: {git}")
print(f"dotnet build of the up-to-date build project: {build:.3f} s median of {runs}")
PY
