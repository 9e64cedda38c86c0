#!/usr/bin/env bash
# Load test of the API's read endpoints: 50 concurrent connections for 30 s (wrk, from Debian's
# packages). Start the environment first, seeded at scale 1 with the API on a fixed port:
#   dotnet run --project DHub.AppHost -- DHub:Seed:Scale=1 DHub:Api:Port=5180
# then run:  bash scripts/load-test.sh [http://localhost:5180]
set -euo pipefail
url=${1:-http://localhost:5180}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian/Ubuntu: apt-get install wrk)"; exit 1; }
curl -fsS "$url/health" >/dev/null || { echo "The API at $url is not healthy; is the AppHost running?"; exit 1; }
# wrk's own threads, not the API's: two threads suffice to keep 50 connections busy on 2 cores.
wrk --threads 2 --connections 50 --duration 30s --latency --script "$(dirname "$0")/load-test.lua" "$url"
