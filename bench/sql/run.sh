#!/usr/bin/env bash
# mariadbd's CPU per append transaction for each statement shape (README.md). Needs a running MariaDB whose root
# user connects over SOCKET without a password, and the Release build of src/Booking.Web (for the migrations).
# usage: bench/sql/run.sh SOCKET TRANSACTIONS BOOKINGS_PER_TRANSACTION SHAPE...
set -euo pipefail
socket=$1 transactions=$2 per=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
client=(mariadb --no-defaults -uroot -S "$socket")
"${client[@]}" -e "DROP DATABASE IF EXISTS append_shapes; CREATE DATABASE append_shapes;
  CREATE USER IF NOT EXISTS append_shapes@'127.0.0.1' IDENTIFIED BY 'append_shapes'; GRANT ALL ON append_shapes.* TO append_shapes@'127.0.0.1';"
port=$("${client[@]}" -N -e "SELECT @@port")
env EventStore__Provider=MySql "ConnectionStrings__EventStore=Server=127.0.0.1;Port=$port;User ID=append_shapes;Password=append_shapes;Database=append_shapes" \
  dotnet "$here/../../src/Booking.Web/bin/Release/net10.0/Booking.Web.dll" migrate > /dev/null
server=$("${client[@]}" -N -e "SELECT @@pid_file" | xargs cat)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)
echo "| shape | transactions × bookings | mariadbd µs CPU / transaction | µs / booking | wall µs / transaction | load |"
echo "|---|---:|---:|---:|---:|---|"
for shape in "$@"; do
  "${client[@]}" append_shapes -e "DELETE FROM events; DELETE FROM documents; DELETE FROM streams; UPDATE event_positions SET last = 0;
    INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES ('ticketed-event-1', 0, NOW(6), NOW(6));"
  python3 "$here/append_shapes.py" "$shape" "$transactions" "$per" > "/tmp/append-shapes-$shape.sql"
  before=$(cpu); started=$(date +%s.%N)
  "${client[@]}" append_shapes < "/tmp/append-shapes-$shape.sql" > /dev/null
  after=$(cpu); ended=$(date +%s.%N)
  written=$("${client[@]}" -N append_shapes -e "SELECT COUNT(*) FROM events")
  [ "$written" -eq $((transactions * per)) ] || { echo "$shape wrote $written events, not $((transactions * per))" >&2; exit 1; }
  awk -v s="$shape" -v t="$transactions" -v p="$per" -v c=$((after - before)) -v w="$(echo "$ended - $started" | bc)" -v l="$(cut -d' ' -f1 /proc/loadavg)" -v hz="$hz" \
    'BEGIN { printf "| %s | %d × %d | %.0f | %.1f | %.0f | %s |\n", s, t, p, c * 1e6 / hz / t, c * 1e6 / hz / t / p, w * 1e6 / t, l }'
done
