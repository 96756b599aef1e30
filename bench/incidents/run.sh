#!/bin/sh
# Incident import and CompStat benchmark (see docs/benchmarks.md, section "Incidents").
# Usage: bench/incidents/run.sh [ROWS]   (default 1000000; the CSV is generated once under target/bench/)
set -e
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
FILE=target/bench/incidents-$ROWS.csv
mkdir -p target/bench
[ -f "$FILE" ] || python3 bench/incidents/generate.py "$ROWS" "$FILE"
GREENMAIL_PORT=${GREENMAIL_PORT:-3325} ./mvnw -B -o test -Dtest=IncidentImportBenchmark \
  -Dbench.incidents.file="$PWD/$FILE" -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/incidents-result.txt
