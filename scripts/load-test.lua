-- Rotates over the API's read endpoints, so every request type takes its share of the load.
local paths = {
  "/api/databases",
  "/api/databases/accounts_db",
  "/api/databases/loans_db/tables",
  "/api/databases/customer_db/test",
  "/api/seed/status",
}
local query = '{"sql": "SELECT customer_segment, count(*) FROM customer_profiles GROUP BY 1", "limit": 100}'
local counter = 0

request = function()
  counter = counter + 1
  local slot = counter % (#paths + 1)
  if slot == 0 then
    return wrk.format("POST", "/api/databases/customer_db/query", { ["Content-Type"] = "application/json" }, query)
  end
  return wrk.format("GET", paths[slot])
end

local errors = 0
response = function(status, headers, body)
  if status >= 400 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("status>=400 responses: %d\n", errors))
end
