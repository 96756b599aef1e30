-- wrk script: GET /api/v1/lookup for random points in Chicago's envelope (fixed seed per thread).
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(1000 + id)
end
function request()
  local lat = 41.644 + math.random() * (42.023 - 41.644)
  local lon = -87.940 + math.random() * (-87.524 + 87.940)
  return wrk.format("GET", string.format("/api/v1/lookup?lat=%.6f&lon=%.6f", lat, lon))
end
