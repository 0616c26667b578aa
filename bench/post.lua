-- wrk script of bench/run: POSTs BENCH_BODY to the paths of BENCH_PATHS (comma-separated, taken in
-- turn) with BENCH_TOKEN as bearer token. Every "{n}" in the body becomes a value no other request of
-- the run sends (BENCH_TAG, the wrk thread and a counter), so a command always changes something.
-- done() prints one "BENCH key=value ..." line that the driver reads; latencies are in microseconds.

local token = os.getenv("BENCH_TOKEN")
local body = os.getenv("BENCH_BODY") or "{}"
local tag = os.getenv("BENCH_TAG") or "bench"
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,]+") do
  paths[#paths + 1] = path
end
local changing = string.find(body, "{n}", 1, true) ~= nil

wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local fixed = nil
local n = 0
function request()
  if not changing and #paths == 1 then
    fixed = fixed or wrk.format(nil, paths[1], nil, body)
    return fixed
  end
  n = n + 1
  local path = paths[(n - 1) % #paths + 1]
  local value = tag .. "-" .. tostring(thread_id) .. "-" .. n
  return wrk.format(nil, path, nil, (string.gsub(body, "{n}", value)))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d"
      .. " p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
