#!/usr/bin/env bash
# Incremental runs through the result cache: `./build.sh Ci` on a repository, cold (an empty cache), then with no change,
# then with one source file of one library changed, then with one test file changed; wall time of each and its ratio to the
# cold run, and what the cache itself cost (keys, reads, writes; the build's last lines say it). Trivy and the NuGet audit are
# waived (.nuke/security.json): neither has data on this machine.
# Usage: bench/incremental.sh [sample | libraries N | generated N F]
#   sample: the sample library; libraries N: N copies of it, each with its tests;
#   generated N F: N libraries, each with F more files of generated rules (about 120 mutants a file; 6 3 gives 2,400).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
cache=$(mktemp -d)
trap 'rm -rf "$work" "$cache"' EXIT
source "$here/bench/consumer.sh"

shape=${1:-sample}
if [ "$shape" = libraries ] || [ "$shape" = generated ]; then
    if [ "$shape" = libraries ]; then make_libraries "$work" "${2:-6}"; else make_generated "$work" "${2:-6}" "${3:-3}"; fi
    source_file=src/Lib1/Domain/Money.cs
    test_file=tests/Lib1.Tests/PricingServiceTests.cs
else
    make_consumer "$work" "IStandardGates" "((ITest)x).Test"
    source_file=src/Sample/Domain/Money.cs
    test_file=tests/Sample.Tests/PricingServiceTests.cs
fi
cd "$work"
printf 'bin/\nobj/\nartifacts/\n.nuke/temp/\n' > .gitignore
printf '{ "waivers": [ { "scanner": "trivy", "reason": "not installable here" }, { "scanner": "nuget-audit", "reason": "the mirror serves no vulnerability data" } ] }\n' > .nuke/security.json
git init --quiet --initial-branch main && git add --all && git -c user.name=bench -c user.email=bench@bench.invalid commit --quiet -m bench

gates=(Ci --cache-directory "$cache")
./build.sh Compile --cache off >/dev/null   # build project, restore, tools: not part of the timings
timed() {
    local start end log=$1; shift
    start=$(date +%s.%N)
    ./build.sh "${gates[@]}" "$@" >"$log" 2>&1 || { tail -20 "$log"; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
spent() { grep -o 'Result cache ([a-z-]*): .*' "$1" | sed 's/ (\/.*//' || echo "(no cache line)"; }
headline() { python3 -c "import json,sys; print(json.load(open('artifacts/evidence/gates/' + sys.argv[1] + '.json'))['headline'])" "$1"; }

cold=$(timed "$work/cold.log")
echo "cold:             ${cold} s  | $(spent "$work/cold.log")"
echo "                  Mutation: $(headline mutation)"
same=$(timed "$work/same.log")
echo "no change:        ${same} s  ($(echo "scale=3; $same / $cold" | bc) x cold) | $(spent "$work/same.log")"
echo "                  Test: $(headline test); Mutation: $(headline mutation)"
sed -i 's/    public Money Times(int quantity)/    public bool IsZero => Amount == 0m;\n\n    public Money Times(int quantity)/' "$source_file"
one=$(timed "$work/one.log")
echo "one source file:  ${one} s  ($(echo "scale=3; $one / $cold" | bc) x cold) | $(spent "$work/one.log")"
echo "                  Mutation: $(headline mutation)"
full=$(timed "$work/full.log" --no-cache)
echo "  the same, --no-cache: ${full} s; Mutation: $(headline mutation)"
printf '\n// a changed test file\n' >> "$test_file"
tests=$(timed "$work/tests.log")
echo "one test file:    ${tests} s  ($(echo "scale=3; $tests / $cold" | bc) x cold) | $(spent "$work/tests.log")"
echo "                  Mutation: $(headline mutation)"
