#!/usr/bin/env bash
# Runs the whole test suite, MySQL included. The tests start their own throwaway MariaDB server
# (see tests/EventBooking.Testing/MySqlServer.cs), so MariaDB only has to be installed, not running.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  else
    echo "MariaDB is not installed: run 'sudo apt-get install -y mariadb-server' (or set EVENTBOOKING_TEST_MYSQL)." >&2
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
