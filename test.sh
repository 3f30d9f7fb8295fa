#!/usr/bin/env bash
# Runs every test of Ashyq: installs what a fresh Debian machine lacks (as root), starts a private PostgreSQL
# on 127.0.0.1 for the storage tests, runs the whole solution's tests, stops the server, and prints
# "N passed, N failed" as its last line. The exit code is the test run's.
#
#   ./test.sh          every test (CI runs exactly this)
#   ./test.sh --fast   the edit-test loop: Core and Application on SQLite, no server, no browser
#
# Run through this script a test never skips: ASHYQ_TEST_STRICT=1 makes a missing prerequisite (the PostgreSQL
# server, Go) fail the test, and a skipped test is counted as a failed one.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
export ASHYQ_REPO="$root" ASHYQ_TEST_STRICT=1

# Microsoft.Testing.Platform prints one summary block per test assembly: add them up.
summary() {
  local log=$1 code=$2 passed failed skipped
  passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  if [ "$skipped" != 0 ]; then
    echo "!! $skipped test(s) skipped: under ./test.sh a skipped test is a failed test" >&2
    failed=$((failed + skipped))
    code=1
  fi
  if [ "$code" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
  echo "$passed passed, $failed failed"
  return "$code"
}

if [ "${1:-}" = "--fast" ]; then
  log=$(mktemp)
  start=$SECONDS
  code=0
  for project in tests/Ashyq.Core.Tests tests/Ashyq.Application.Tests; do
    [ -d "$project" ] || continue
    dotnet test --project "$project" 2>&1 | tee -a "$log"
    c=${PIPESTATUS[0]}
    [ "$c" != 0 ] && code=$c
  done
  echo "== the fast subset in $((SECONDS - start)) s"
  summary "$log" "$code"
  code=$?
  rm -f "$log"
  exit "$code"
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Go's sumdb note/tlog: the verifier that is not the project's code (tests/go-verifier, GoVerifierTests).
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] || need+=(golang-golang-x-mod-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || echo "!! could not install ${need[*]}" >&2
  else
    echo "!! missing ${need[*]}: install them (sudo apt-get install ${need[*]})" >&2
  fi
fi

dotnet tool restore >/dev/null || { echo "!! dotnet tool restore failed" >&2; }

# A private PostgreSQL cluster in a folder of its own under /tmp, which the server's user can reach (it cannot reach
# a checkout in a home folder or in a `mktemp -d` folder), on a free high port; stopped and removed on exit.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgdir=""
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  if [ -n "$pgdir" ] && [ -d "$pgdir" ]; then
    [ -f "$pgdir/data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$pgdir"
  fi
}
trap stop_pg EXIT
if [ -n "$pg_bin" ]; then
  pgdir=$(mktemp -d /tmp/ashyq-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  started=""
  for attempt in 1 2 3; do
    port=$(( 20000 + RANDOM % 20000 ))
    rm -rf "$pgdir/data"
    if run_pg "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
       && run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 120 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      started=1
      break
    fi
    echo "!! PostgreSQL did not start on port $port (attempt $attempt)" >&2
    run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1
  done
  if [ -n "$started" ]; then
    export ASHYQ_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
    echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port in $pgdir"
  else
    echo "!! PostgreSQL did not start: every PostgreSQL test will fail. What it said:" >&2
    tail -n 20 "$pgdir/initdb.log" "$pgdir/server.log" >&2 2>/dev/null
  fi
else
  echo "!! PostgreSQL is not installed: every PostgreSQL test will fail (apt-get install postgresql)" >&2
fi

log=$(mktemp)
start=$SECONDS
dotnet test --solution Ashyq.slnx 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
echo "== every test in $((SECONDS - start)) s"
summary "$log" "$code"
code=$?
rm -f "$log"
exit "$code"
