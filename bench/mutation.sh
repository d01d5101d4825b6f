#!/usr/bin/env bash
# Wall time of the Mutation gate on the sample fixture: a full run against an incremental one
# (--mutation-since the previous commit, one file changed), both through ./build.sh Mutation.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$here/bench/consumer.sh"
make_consumer "$work" IMutation "((IMutation)x).Mutation"
cd "$work"
git init --quiet --initial-branch main && git add --all && git -c user.name=bench -c user.email=bench@bench.invalid commit --quiet -m sample
sed -i 's/    public Money Times(int quantity)/    public bool IsZero => Amount == 0m;\n\n    public Money Times(int quantity)/' src/Sample/Domain/Money.cs
git -c user.name=bench -c user.email=bench@bench.invalid commit --quiet -am "one changed file"

./build.sh Compile >/dev/null  # build project, restore, Stryker install: not part of the timings
./build.sh Mutation >/dev/null || true
timed() { local start end; start=$(date +%s.%N); ./build.sh Mutation "$@" >/dev/null || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
full=$(timed)
incremental=$(timed --mutation-since HEAD~1)
headline() { python3 -c "import json; print(json.load(open('artifacts/evidence/gates/mutation.json'))['headline'])"; }
echo "full:        ${full} s"
echo "incremental: ${incremental} s  ($(headline))"
