#!/usr/bin/env bash
# The portfolio at scale: N repositories (default 500) with a year of main-branch Ci runs on weekdays and two deployments a
# week (staging on Tuesdays, prod on Thursdays; a few fail and are rolled back): about 180,000 real bundles, written by
# Tollgate's own writer. On SQLite and on PostgreSQL (a throw-away cluster on 127.0.0.1, fsync on), each from an empty store:
# the year's ingest (bundles/s), the next day's increment (N new bundles among all the year's; target <= 30 s), an ingest
# with nothing new, and the dashboard rendered from the store (metrics, 12 weeks of trends, compliance, a page per
# project; target <= 10 s).
# Usage: bench/portfolio.sh [repositories] [days]      (needs Debian's postgresql for the second half; about 7 GB of disk at 500)
#   BENCH_KEEP=<folder>: keep the generated bundles there (year/, next/, registry/), and use them when they are there already.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repositories=${1:-500}
days=${2:-365}
work=$(mktemp -d /var/tmp/portfolio-bench.XXXXXX)
chmod 755 "$work"
pg=""
cleanup() {
    if [ -n "$pg" ]; then runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$here/bench/PortfolioBench" --configuration Release --nologo --verbosity quiet >/dev/null
bench() { dotnet "$here/bench/PortfolioBench/bin/Release/net10.0/PortfolioBench.dll" "$@"; }

keep=${BENCH_KEEP:-}
if [ -n "$keep" ] && [ -d "$keep/year" ]; then
    echo "== reusing the bundles of $keep"
    for part in year next registry; do cp -al "$keep/$part" "$work/$part"; done
else
    echo "== generating $repositories repositories × $days days"
    bench generate "$work/year" "$repositories" 0 "$days"
    # The next weekday after the year: one Ci run per repository (and its deployment when it is a Tuesday or Thursday).
    next=$days
    while made=$(bench generate "$work/next" "$repositories" "$next" 1) && echo "$made" && [[ $made == "generated 0 "* ]]; do next=$((next + 1)); done
    if [ -n "$keep" ]; then mkdir -p "$keep" && for part in year next registry; do cp -al "$work/$part" "$keep/$part"; done; fi
fi
find "$work/year" -name manifest.json | wc -l | sed 's/^/bundles of the year: /'
du -sh "$work/year" | sed 's/^/on disk: /'

measure() { # $1: database (a file or a connection string)
    local database=$1
    echo "-- the year, into an empty store"
    bench ingest "$work/year" "$database"
    echo "-- the next day (new bundles moved in beside the year's)"
    cp -r "$work/next/." "$work/year/"
    bench ingest "$work/year" "$database"
    echo "-- again, nothing new"
    bench ingest "$work/year" "$database"
    echo "-- the dashboard"
    rm -rf "$work/out"
    bench render "$database" "$work/registry/portfolio.json" "$work/out"
    # The next day's bundles out again, for the next database.
    (cd "$work/next" && find . -mindepth 2 -maxdepth 2 -type d) | while read -r bundle; do rm -rf "$work/year/$bundle"; done
}

echo "== SQLite"
measure "$work/runs.sqlite"
ls -la "$work/runs.sqlite" | awk '{print "store size: " $5 " bytes"}'

pg=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg" ]; then echo "== PostgreSQL: not installed (apt-get install postgresql); skipped"; exit 0; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pg/initdb" -D "$work/pg" -A trust -U tollgate -E UTF8 >/dev/null
runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-p $port -h 127.0.0.1 -k $work/pg" start >/dev/null
echo "== PostgreSQL (127.0.0.1:$port)"
measure "Host=127.0.0.1;Port=$port;Username=tollgate;Database=postgres"
