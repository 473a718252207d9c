-- wrk script: GET one complaint, a random id in [BENCH_ID_MIN, BENCH_ID_MAX]
-- per request, so that the reads spread over the table like real ones.
local lo, hi = tonumber(os.getenv("BENCH_ID_MIN")), tonumber(os.getenv("BENCH_ID_MAX"))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
end

function request()
  return wrk.format("GET", "/api/v1/complaints/" .. math.random(lo, hi))
end
