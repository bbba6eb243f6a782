-- wrk script of `tagcf bench http`: sends the benchmark's key (from the environment, so that it
-- never appears on a command line) and reports exact figures as one JSON line at the end,
-- instead of wrk's rounded human summary. Latencies are in microseconds.
local key = os.getenv("TAGCF_BENCH_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests":%d,"durationMicros":%d,"bytes":%d,"non2xx":%d,"connectErrors":%d,'
      .. '"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d,'
      .. '"max":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
