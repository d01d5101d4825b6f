#!/usr/bin/env bash
# Scale-out on one machine: the sample fixture (with the two-test-classes patch) through Test+Coverage+Mutation as one run,
# against two shards run at the same time (each in its own checkout, as on two agents) followed by MergeEvidence.
# Reports the wall times, the ratio (shards + merge) / single, and the merge's own cost as a share of the single run
# (target: ≤ 5 %). Warm runs: the build program, the tools and the first build are not timed.
# Usage: bench/shards.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$here/bench/consumer.sh"
make_consumer "$work/a" "ICoverage, IMutation, IMergeEvidence" "((ITest)x).Test"
cp -r "$here/tests/fixtures/patches/two-test-classes/." "$work/a/"
printf 'bin/\nobj/\nartifacts/\n.nuke/temp/\n' > "$work/a/.gitignore"
(cd "$work/a" && git init --quiet --initial-branch main && git add --all && git -c user.name=bench -c user.email=bench@bench.invalid commit --quiet -m sample)
git clone --quiet "$work/a" "$work/b"
tools="$work/tools"
gates=(Test Coverage Mutation --tools-directory "$tools")

# Warm-up: build programs, tools, first builds.
(cd "$work/a" && ./build.sh "${gates[@]}" >/dev/null) || true
(cd "$work/b" && ./build.sh Compile >/dev/null) || true

seconds() { python3 -c "import time; print(time.perf_counter())"; }
start=$(seconds)
(cd "$work/a" && ./build.sh "${gates[@]}" >/dev/null) || true
single=$(python3 -c "print($(seconds) - $start)")

start=$(seconds)
(cd "$work/a" && ./build.sh "${gates[@]}" --shard 1/2 >"$work/shard1.log") & first=$!
(cd "$work/b" && ./build.sh "${gates[@]}" --shard 2/2 >"$work/shard2.log") & second=$!
wait "$first" || true
wait "$second" || true
shards=$(python3 -c "print($(seconds) - $start)")

cp -r "$work/a/artifacts/evidence" "$work/shard1"
start=$(seconds)
(cd "$work/a" && ./build.sh MergeEvidence --merge-evidence "$work/shard1" "$work/b/artifacts/evidence" --tools-directory "$tools" >"$work/merge.log") || { cat "$work/merge.log"; exit 1; }
merge=$(python3 -c "print($(seconds) - $start)")

python3 - "$single" "$shards" "$merge" "$work/a/artifacts/evidence/manifest.json" "$work/shard1.log" "$work/shard2.log" <<'PY'
import json, re, sys
single, shards, merge = map(float, sys.argv[1:4])
for i, log in enumerate(sys.argv[5:7], 1):
    found = re.findall(r"Build (?:succeeded|failed) in ([\d.]+) s", open(log).read())
    print(f"  shard {i}/2 alone took:              {found[-1] if found else '?':>6} s (sharing the 2 cores with the other)")
gates = {g["name"]: g["status"] for g in json.load(open(sys.argv[4]))["gates"]}
print(f"single run (Test+Coverage+Mutation): {single:6.1f} s")
print(f"2 shards at once:                    {shards:6.1f} s")
print(f"MergeEvidence:                       {merge:6.1f} s  ({100 * merge / single:.1f} % of the single run; target ≤ 5 %)")
print(f"ratio (shards + merge) / single:     {(shards + merge) / single:.2f}   merged verdicts: {gates}")
PY
