#!/usr/bin/env bash
# The long reliability suites, kept out of ./test.sh (tests tagged [Trait("Category", "Long")]): issue #6 suite 3,
# crash safety: the service killed 20 times, then mariadbd killed 5 times, under load. The tests start their own
# mariadbd (it gets killed), so MariaDB only has to be installed. EVENTBOOKING_CRASH_SEED=N replays a seed's choices.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  else
    echo "MariaDB is not installed: run 'sudo apt-get install -y mariadb-server'." >&2
    exit 1
  fi
fi

results=TestResults/long
rm -rf "$results"
status=0
# The detailed console logger prints each test's figures (seed, kills, requests, acknowledged, in flight, events checked).
dotnet test tests/Booking.Reliability.Tests --configuration Release --filter "Category=Long" \
  --logger "trx" --logger "console;verbosity=detailed" --results-directory "$results" "$@" || status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
exit "$status"
