#!/usr/bin/env bash
# Load test of the lookup API on loopback: starts Beatbook with the Chicago demo on its own embedded PostgreSQL,
# waits until healthy, then runs wrk (Debian package) with random points and with real addresses.
# Usage: bench/run-lookup-wrk.sh [duration] [connections]     e.g. bench/run-lookup-wrk.sh 30s 64
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

[[ -f target/beatbook-exec.jar ]] || ./mvnw -B package -DskipTests
# Addresses: a number inside each distinct hundred block of the demo incidents ("013XX S SAWYER AVE" -> "1350 S SAWYER AVE").
tail -n +2 src/main/resources/demo/chicago/crimes-2015-01.csv | cut -d, -f4 | sort -u \
  | sed -nE 's/^([0-9]+)XX (.*)$/\1 \2/p' | awk '{ n=$1*100+50; $1=""; printf "%d%s\n", n, $0 }' > bench/wrk/addresses.txt

java -Xmx1g -jar target/beatbook-exec.jar --server.port="$PORT" \
  --beatbook.embedded-postgres.data-dir=target/bench-postgres --logging.level.root=WARN > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start; see target/bench-server.log" >&2; exit 1; }

echo "== warm-up"
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/wrk/lookup.lua "http://127.0.0.1:$PORT" >/dev/null
echo "== random points: GET /api/v1/lookup?lat=..&lon=.."
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/lookup.lua "http://127.0.0.1:$PORT"
echo "== real addresses: GET /api/v1/lookup?address=.."
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/lookup-address.lua "http://127.0.0.1:$PORT"
