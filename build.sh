#!/usr/bin/env bash
# Build, test and benchmark FundingArb.Actors.
#   ./build.sh build           build everything (Release)
#   ./build.sh test            build, start what the tests need, run every test project,
#                              end with "N passed, N failed[, N skipped]"
#   ./build.sh bench [--quick] run the benchmarks (quick mode: plain figures in under a minute)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
configuration=${CONFIGURATION:-Release}
results="$root/artifacts/test-results"

build() {
  dotnet build FundingArb.Actors.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
}

sum_counter() {
  local name=$1 total=0 file value
  for file in "$results"/*.trx; do
    [ -f "$file" ] || continue
    value=$(grep -o "<Counters [^>]*" "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

# A throw-away PostgreSQL for the persistence tests (tests/start-postgres.sh), unless FUNDINGARB_TEST_PG
# already names a server; it is removed when the script exits.
start_postgres() {
  if [ -n "${FUNDINGARB_TEST_PG:-}" ]; then
    return
  fi
  eval "$(tests/start-postgres.sh start)"
  trap 'tests/start-postgres.sh remove "$FUNDINGARB_TEST_PG_DIR"' EXIT
}

# Debian's Chromium for the dashboard's browser test (Playwright drives /usr/bin/chromium), installed
# once when missing.
install_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
  fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}

run_tests() {
  build
  start_postgres
  install_chromium
  rm -rf "$results"
  mkdir -p "$results"
  local status=0 project name
  for project in tests/*.Tests/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    echo "== $name"
    dotnet test "$project" -c "$configuration" --no-build -nologo \
      --blame-hang-timeout 10m \
      --logger "trx;LogFileName=$results/$name.trx" \
      --logger "console;verbosity=minimal" || status=1
  done
  local passed failed total executed skipped
  passed=$(sum_counter passed)
  failed=$(sum_counter failed)
  total=$(sum_counter total)
  executed=$(sum_counter executed)
  skipped=$((total - executed))
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # A test host that crashed or hung writes no failed counter; count the project as one failure.
    failed=1
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
}

case "${1:-test}" in
  build) build ;;
  test) run_tests ;;
  bench)
    shift
    dotnet run --project tests/FundingArb.Benchmarks -c Release -- "$@" ;;
  *) echo "usage: $0 build|test|bench [--quick]" >&2; exit 2 ;;
esac
