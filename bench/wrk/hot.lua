-- The hot event's requests for wrk (Debian's wrk 4.1): POST /api/events/book with a new user in every request, as
-- bench/Http.Bench's own generator sends them (Load/HotEvent.cs, Load/Raw/RequestWriter.cs).
--
--   wrk -t2 -c64 -d10s -s bench/wrk/hot.lua http://127.0.0.1:PORT -- EVENT_ID [ROUND] [static]
--
-- User ids never repeat: thread t (1-based) of round r sends (r * 100 + t) * 10^8 + 1, + 2, ... Run each warm-up and
-- measured window as its own round. With "static" every request is the same one, formatted once in init(): only for
-- the ceiling (which books nothing), to measure what the per-request Lua costs wrk.
--
-- done() prints one line that bench/Http.Bench reads (Load/Wrk/WrkOutput.cs); everything else wrk prints as usual.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
  table.insert(threads, thread)
end

local event_id, next_user, static_request
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  event_id = tonumber(args[1] or "1")
  local round = tonumber(args[2] or "0")
  next_user = ((round * 100) + thread_number) * 100000000 + 1
  if args[3] == "static" then
    static_request = wrk.format("POST", "/api/events/book", headers,
      string.format('{"userId":%d,"eventId":%d}', next_user, event_id))
  end
end

function request()
  if static_request then
    return static_request
  end
  local user = next_user
  next_user = user + 1
  return wrk.format("POST", "/api/events/book", headers, string.format('{"userId":%d,"eventId":%d}', user, event_id))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
