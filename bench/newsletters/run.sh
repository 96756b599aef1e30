#!/bin/sh
# Publishes one newsletter to 100,000 generated subscribers and delivers it to a local SMTP sink that counts and
# discards; prints one BENCH line (publish time, delivery time, messages per second, heap).
# Usage: bench/newsletters/run.sh [recipients] [workers] [claim-batch]   (from the repository root)
set -e
RECIPIENTS=${1:-100000}
WORKERS=${2:-4}
CLAIM_BATCH=${3:-1}
# a fresh database every run (an interrupted run leaves its data folder behind)
rm -rf target/bench-postgres-newsletters
GREENMAIL_PORT=${GREENMAIL_PORT:-3225} ./mvnw -B -o -q test -Dtest=NewsletterDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbeatbook.bench=true -Dbeatbook.bench.recipients="$RECIPIENTS" -Dbeatbook.bench.workers="$WORKERS" -Dbeatbook.bench.claim-batch="$CLAIM_BATCH" 2>&1 | grep -E "BENCH|ERROR|FAIL" || true
