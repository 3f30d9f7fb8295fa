#!/usr/bin/env bash
# Runs every test of Ashyq: installs what a fresh Debian machine lacks (as root), starts a private PostgreSQL
# on 127.0.0.1 for the storage tests, runs the whole solution's tests, stops the server, and prints
# "N passed, N failed" as its last line. The exit code is the test run's.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD

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

# A private PostgreSQL cluster under .pg/, on a free high port, stopped on exit.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgdir="$root/.pg"
stop_pg() { [ -n "${pg_bin:-}" ] && [ -f "$pgdir/data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1; }
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_pg EXIT
if [ -n "$pg_bin" ]; then
  stop_pg; rm -rf "$pgdir"; mkdir -p "$pgdir"
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  port=$(( 20000 + RANDOM % 20000 ))
  if run_pg "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
     && run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w start \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    export ASHYQ_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
    echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
  else
    echo "!! PostgreSQL did not start; see $pgdir" >&2
  fi
fi

export ASHYQ_REPO="$root"
log=$(mktemp)
dotnet test --solution Ashyq.slnx 2>&1 | tee "$log"
code=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints one summary block per test assembly; add them up.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$code" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$code"
