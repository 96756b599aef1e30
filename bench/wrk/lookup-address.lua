-- wrk script: GET /api/v1/lookup?address=... cycling through real Chicago hundred blocks (house number inside the block).
local addresses = {}
function init(args)
  for line in io.lines("bench/wrk/addresses.txt") do
    addresses[#addresses + 1] = line:gsub(" ", "+")
  end
  math.randomseed(2000)
end
function request()
  local a = addresses[math.random(#addresses)]
  return wrk.format("GET", "/api/v1/lookup?address=" .. a)
end
