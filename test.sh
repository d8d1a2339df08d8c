#!/usr/bin/env bash
# Runs the whole test suite, MySQL and Galera included. The tests start their own throwaway MariaDB server and
# Galera clusters (see tests/EventBooking.Testing/TestDatabase.cs and GaleraCluster.cs), so the packages only have to
# be installed, not running.
set -euo pipefail
cd "$(dirname "$0")"

# MariaDB, the Galera provider, rsync (Galera's state transfer) and HAProxy (the cluster tests run deploy/haproxy.cfg).
missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
[ -e /usr/lib/galera/libgalera_smm.so ] || [ -e /usr/lib/libgalera_smm.so ] || missing+=(galera-4)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
# Chromium and its driver: the dashboard's browser test (tests/Booking.Web.Tests/Dashboard/HeadlessChromium.cs).
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# wrk: the bench's second load generator; tests/Http.Bench.Tests runs its Lua script (bench/wrk/hot.lua).
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (or set EVENTBOOKING_TEST_MYSQL for the MySQL tests)." >&2
    exit 1
  fi
fi

results=TestResults
rm -rf "$results"
status=0
# Long suites (Category=Long: crash safety) run by tests/long.sh only.
dotnet test EventBooking.sln --configuration Release --filter "Category!=Long" --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line, summed over every test project's TRX file.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
exit "$status"
