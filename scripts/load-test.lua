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

-- wrk counts non-2xx/3xx responses itself ("Non-2xx or 3xx responses" in its report); a summary
-- without that line means an error rate of 0.
