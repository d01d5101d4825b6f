#!/usr/bin/env bash
# Tollgate's overhead on repository-shaped fixtures of 1, 3 and 6 libraries (each with its own xunit test
# project with coverlet): warm `./build.sh Test` against `dotnet test <solution> --collect "XPlat Code Coverage"`
# (what a developer types for the same work: Tollgate collects coverage by default), and warm
# `./build.sh Test Coverage` against that plus reportgenerator. The size `mtp` is the platforms fixture on
# Microsoft.Testing.Platform alone (xunit.v3, NUnit and MSTest.Sdk test applications, global.json in the platform's mode)
# against `dotnet test --solution` with --report-trx and --coverlet. Alternating runs from one script on the same
# copy; medians. Usage: bench/overhead.sh [runs] [sizes…]   (default: 5 runs, sizes 1 3 6 mtp)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
shift || true
sizes=("${@:-1 3 6 mtp}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})

source "$here/bench/consumer.sh"

for count in "${sizes[@]}"; do
    work=$(mktemp -d)
    if [[ "$count" == mtp ]]; then
        make_platforms "$work"
        label="platforms (MTP)"
    else
        make_libraries "$work" "$count"
        label="$count project(s)"
    fi
    (
        cd "$work"
        ./build.sh Test Coverage >/dev/null   # restores, builds the build program, installs ReportGenerator
        export reportgenerator="$work/.nuke/temp/tools/reportgenerator" count
        bare_test() {
            rm -rf bare-results
            if [[ "$count" == mtp ]]; then
                dotnet test --solution Shapes.sln --configuration Release --results-directory bare-results --report-trx --coverlet --coverlet-output-format cobertura >/dev/null
            else
                dotnet test Repo.slnx --configuration Release --nologo --results-directory bare-results --collect "XPlat Code Coverage" >/dev/null
            fi
        }
        bare_coverage() {
            bare_test
            rm -rf bare-coverage
            "$reportgenerator" "-reports:$(find bare-results -name '*cobertura*.xml' | paste -sd ';')" -targetdir:bare-coverage \
                "-reporttypes:Cobertura;JsonSummary;MarkdownSummaryGithub;HtmlInline" -verbosity:Warning >/dev/null
        }
        tollgate_test() { ./build.sh Test >/dev/null; }
        tollgate_coverage() { ./build.sh Test Coverage >/dev/null; }
        export -f bare_test bare_coverage tollgate_test tollgate_coverage
        python3 "$here/bench/compare.py" "$runs" "$label" bare_test tollgate_test "Test" bare_coverage tollgate_coverage "Test Coverage"
    )
    rm -rf "$work"
done
