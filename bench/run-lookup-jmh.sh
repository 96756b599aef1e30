#!/usr/bin/env bash
# Builds the application's plain jar and the JMH benchmarks, then runs the point-lookup and index-build benchmarks.
# Extra arguments go to JMH, e.g. the short run used for docs/benchmarks.md:
#   bench/run-lookup-jmh.sh -wi 2 -i 3 -f 1
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o install -DskipTests
# Not offline: the first run fetches JMH from Maven Central.
./mvnw -B -q -f bench/pom.xml package
java -jar bench/target/benchmarks.jar 'PointLookupBenchmark|IndexBuildBenchmark' "$@"
