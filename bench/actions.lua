-- wrk script: workflow actions, one per open case, as the coordinator would
-- take them (register, forward, submit for approval, close, or a reminder).
-- The plan (BENCH_PLAN) has one "id version action" line per case; thread k
-- of BENCH_THREADS takes every k-th line, so no case is acted on twice.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local bodies = {
  register = '{"severity":"general","kind":"quality"}',
  submit_for_approval = '{"opinion":"同意"}',
}

function init(args)
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  plan, n, ok, failed, exhausted = {}, 0, 0, 0, 0
  local i = 0
  for line in io.lines(os.getenv("BENCH_PLAN")) do
    if i % nthreads == tid then table.insert(plan, line) end
    i = i + 1
  end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json" }
end

function request()
  n = n + 1
  local line = plan[n]
  if line == nil then
    exhausted = 1
    return wrk.format("GET", "/healthz")
  end
  local id, version, action = line:match("(%d+) (%d+) (%S+)")
  headers["If-Match"] = '"' .. version .. '"'
  return wrk.format("POST", "/api/v1/complaints/" .. id .. "/actions/" .. action, headers, bodies[action] or "{}")
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_failed, ran_out = 0, 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_failed = total_failed + t:get("failed")
    ran_out = ran_out + t:get("exhausted")
  end
  io.write(string.format("actions: %d applied, %d refused, %.0f/s%s\n", total_ok, total_failed,
    total_ok / (summary.duration / 1e6), ran_out > 0 and " (the plan ran out: lengthen it)" or ""))
end
