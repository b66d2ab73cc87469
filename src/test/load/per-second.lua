-- wrk script: the checks mix (checks-mix.lua, read from the working directory) with a count of the responses
-- completed in each wall-clock second, so that one continuous run shows how throughput grows after start-up
-- (a series of one-second wrk runs counts wrk's own connecting in every window and gives ~half the rate).
-- At the end it prints "second <unix time> <responses>" lines for the seconds of the run, whole or not.
-- Run: wrk -t2 -c16 -d60s -s src/test/load/per-second.lua http://127.0.0.1:8080
dofile("src/test/load/checks-mix.lua")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

counts = {}

function response(status, headers, body)
  local s = os.time()
  counts[s] = (counts[s] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  local seconds = {}
  for _, thread in ipairs(threads) do
    for s, n in pairs(thread:get("counts")) do
      if total[s] == nil then
        table.insert(seconds, s)
      end
      total[s] = (total[s] or 0) + n
    end
  end
  table.sort(seconds)
  for _, s in ipairs(seconds) do
    io.write(string.format("second %d %d\n", s, total[s]))
  end
end
