#!/usr/bin/env bash
# End-to-end check of the alerting path: app /metrics -> a real Prometheus with the repo's rules ->
# a market alert firing.
#
#   scripts/e2e-prometheus.sh              # starts `bin/newsflow demo --speedup 600` itself
#   scripts/e2e-prometheus.sh --external   # uses an app already serving http://127.0.0.1:$METRICS_PORT/metrics
#
# It starts Prometheus (the Debian package's `prometheus` binary: apt-get install -y prometheus) on a
# free loopback port with a generated config that scrapes 127.0.0.1:${METRICS_PORT} every second and
# evaluates prometheus/rules/*.yml every second, then polls the Prometheus HTTP API until one of the
# WANTED alerts fires (credit-equity divergence or a sharp price move), prints what fired and exits 0.
# Exit 1 when nothing fired within TIMEOUT seconds, 2 on a set-up error. Every process it started is
# stopped on exit (trap). Loopback only.
#
# Environment: METRICS_PORT (9404), TIMEOUT (180), SPEEDUP (600), PROMETHEUS (prometheus),
# WANTED (alert-name regex, default below), KEEP_TMP=1 keeps the temporary folder (config, logs).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
METRICS_PORT="${METRICS_PORT:-9404}"
TIMEOUT="${TIMEOUT:-180}"
SPEEDUP="${SPEEDUP:-600}"
PROMETHEUS="${PROMETHEUS:-prometheus}"
WANTED="${WANTED:-NewsflowCreditEquityDivergence|NewsflowSharpPriceMove|NewsflowPriceCrash|NewsflowSharpMoveAlertsEmitted}"
EXTERNAL=0

for arg in "$@"; do
  case "$arg" in
    --external) EXTERNAL=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[e2e %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

command -v "$PROMETHEUS" > /dev/null || { echo "prometheus not found: apt-get install -y prometheus" >&2; exit 2; }
command -v curl > /dev/null || { echo "curl not found" >&2; exit 2; }

TMP="$(mktemp -d -t newsflow-e2e.XXXXXX)"
PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do
    # each child runs in its own session (setsid): stop its whole process group, ours only
    kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2> /dev/null || true
  done
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

free_port() {
  local port
  for port in $(seq 19090 19190); do
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

metrics_up() { curl -fsS --max-time 2 "http://127.0.0.1:$METRICS_PORT/metrics" -o /dev/null 2> /dev/null; }

# ---- the app
if [[ "$EXTERNAL" == 1 ]]; then
  metrics_up || { echo "--external: nothing serves http://127.0.0.1:$METRICS_PORT/metrics" >&2; exit 2; }
  log "using the running app on 127.0.0.1:$METRICS_PORT"
else
  if port_in_use "$METRICS_PORT"; then
    echo "port $METRICS_PORT is taken: stop that process or pass --external to use it" >&2; exit 2
  fi
  [[ -x "$REPO/bin/newsflow" ]] || { echo "$REPO/bin/newsflow not found" >&2; exit 2; }
  log "starting bin/newsflow demo --speedup $SPEEDUP (log: $TMP/demo.log)"
  NEWSFLOW_METRICS_PORT="$METRICS_PORT" setsid "$REPO/bin/newsflow" demo --speedup "$SPEEDUP" > "$TMP/demo.log" 2>&1 &
  PIDS+=("$!")
fi

# ---- Prometheus
PROM_PORT="$(free_port)" || { echo "no free port for Prometheus" >&2; exit 2; }
cat > "$TMP/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $REPO/prometheus/rules/*.yml
scrape_configs:
  - job_name: newsflow
    static_configs:
      - targets: ['127.0.0.1:$METRICS_PORT']
YAML
log "starting Prometheus on 127.0.0.1:$PROM_PORT (log: $TMP/prometheus.log)"
setsid "$PROMETHEUS" --config.file="$TMP/prometheus.yml" --storage.tsdb.path="$TMP/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn > "$TMP/prometheus.log" 2>&1 &
PIDS+=("$!")
API="http://127.0.0.1:$PROM_PORT/api/v1"

query() { curl -fsS --max-time 5 -G "$API/query" --data-urlencode "query=$1" 2> /dev/null || true; }

# ---- wait for the alert
deadline=$((SECONDS + TIMEOUT))
fired=""
while ((SECONDS < deadline)); do
  for pid in "${PIDS[@]}"; do
    kill -0 "$pid" 2> /dev/null || { echo "a started process exited early; logs:" >&2; tail -n 30 "$TMP"/*.log >&2; exit 2; }
  done
  result="$(query "ALERTS{alertstate=\"firing\", alertname=~\"$WANTED\"}")"
  if [[ "$result" == *'"alertname"'* ]]; then fired="$result"; break; fi
  sleep 1
done

if [[ -z "$fired" ]]; then
  log "no alert matching /$WANTED/ fired within ${TIMEOUT}s"
  log "scrape health: $(query 'up')"
  log "alerts: $(curl -fsS --max-time 5 "$API/alerts" 2> /dev/null || true)"
  exit 1
fi

log "FIRING after $((TIMEOUT - (deadline - SECONDS)))s:"
# one line per firing alert: its name and labels
grep -o '"metric":{[^}]*}' <<< "$fired" | sed -e 's/"metric"://' -e 's/"alertstate":"firing",\{0,1\}//' | sed 's/^/  /'
log "all alerts (Prometheus /api/v1/alerts):"
curl -fsS --max-time 5 "$API/alerts" | (python3 -m json.tool 2> /dev/null || cat)
echo
log "credit-equity divergence: $(query 'newsflow_credit_equity_divergence')"
log "price returns: $(query 'newsflow_price_return_ratio')"
exit 0
