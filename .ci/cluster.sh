# shellcheck shell=bash
# Two `next start` instances of one build behind a round-robin HAProxy, PgBouncer in transaction
# mode in front of PostgreSQL (issue 15 §9): the shape of a serverless deployment, on one machine.
# Sourced by .ci/run; can be sourced alone to drive the browser tests by hand:
#   source .ci/cluster.sh && cluster_start && E2E_BASE_URL=$CLUSTER_URL npm run test:e2e; cluster_stop
# Ports: CLUSTER_PROXY_PORT, CLUSTER_APP_PORT_A/B, CLUSTER_PGBOUNCER_PORT (default: free ones).
# CLUSTER_PG is the PostgreSQL superuser URL (trust on 127.0.0.1, as on this machine and in CI).

CLUSTER_PG="${CLUSTER_PG:-postgres://postgres@127.0.0.1:5432}"
CLUSTER_DIR=""
CLUSTER_DB=""
CLUSTER_PIDS=()

cluster_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

cluster_need() { # the Debian packages, installed like chromium when missing
  local missing=()
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  export PATH="$PATH:/usr/sbin"
}

cluster_start() {
  cluster_need
  CLUSTER_DIR=$(mktemp -d /tmp/hesabat-cluster-XXXXXX)
  chmod 755 "$CLUSTER_DIR"
  CLUSTER_DB="${CLUSTER_DB_NAME:-hesabat_e2e_$$}"
  local proxy_port=${CLUSTER_PROXY_PORT:-$(cluster_free_port)}
  local port_a=${CLUSTER_APP_PORT_A:-$(cluster_free_port)}
  local port_b=${CLUSTER_APP_PORT_B:-$(cluster_free_port)}
  local bouncer_port=${CLUSTER_PGBOUNCER_PORT:-$(cluster_free_port)}
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  local owner_url="$CLUSTER_PG/$CLUSTER_DB"
  local host_port=${CLUSTER_PG#postgres://*@}
  local direct_app_url="postgres://hesabat_app:$password@$host_port/$CLUSTER_DB"
  local pooled_app_url="postgres://hesabat_app:$password@127.0.0.1:$bouncer_port/$CLUSTER_DB"

  # The deploy steps: a fresh database, migrated by its owner, then the demo data and history.
  psql "$CLUSTER_PG/postgres" -qc "create database $CLUSTER_DB"
  # A throwaway database: commits need not wait for the disk (the seed files 42 reports).
  psql "$CLUSTER_PG/postgres" -qc "alter database $CLUSTER_DB set synchronous_commit = off"
  MIGRATION_DATABASE_URL="$owner_url" DATABASE_URL="$direct_app_url" APP_DATABASE_PASSWORD="$password" \
    npm run --silent db:migrate
  DATABASE_URL="$direct_app_url" npm run --silent db:seed

  # PgBouncer in transaction mode: any transaction may land on any server connection, so a
  # session-level lock, SET, LISTEN or named prepared statement of the app would break here.
  cat >"$CLUSTER_DIR/userlist.txt" <<USERS
"hesabat_app" "$password"
USERS
  cat >"$CLUSTER_DIR/pgbouncer.ini" <<INI
[databases]
$CLUSTER_DB = host=${host_port%:*} port=${host_port##*:} dbname=$CLUSTER_DB
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $CLUSTER_DIR/userlist.txt
pool_mode = transaction
; fewer server connections than the two instances' pools together: they must share them
default_pool_size = 6
max_client_conn = 100
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = $CLUSTER_DIR/pgbouncer.log
pidfile = $CLUSTER_DIR/pgbouncer.pid
INI
  local as_user=()
  if [ "$(id -u)" = 0 ]; then # PgBouncer refuses to run as root
    chown -R postgres "$CLUSTER_DIR"
    as_user=(-u postgres)
  fi
  pgbouncer -d "${as_user[@]}" "$CLUSTER_DIR/pgbouncer.ini"

  cat >"$CLUSTER_DIR/haproxy.cfg" <<CFG
global
  maxconn 512
defaults
  mode http
  option forwardfor
  timeout connect 5s
  timeout client 300s
  timeout server 300s
frontend web
  bind 127.0.0.1:$proxy_port
  # As a proxy the app trusts must: say what the client spoke (plain HTTP here), never pass on
  # what the client claims.
  http-request set-header X-Forwarded-Proto http
  default_backend apps
backend apps
  # Every request to the next instance in turn (HAProxy balances each request of a kept-alive
  # connection); the header names the instance that answered.
  balance roundrobin
  http-response set-header X-Hesabat-Instance %s
  server a 127.0.0.1:$port_a
  server b 127.0.0.1:$port_b
CFG
  haproxy -D -p "$CLUSTER_DIR/haproxy.pid" -f "$CLUSTER_DIR/haproxy.cfg"

  # Two instances of the same build as the app's role through the pooler, with the settings of
  # serverless hosting: no prepared statements, a small pool, idle connections let go; the sweep
  # comes from the cron route (CRON_SECRET), not from an instance's timer.
  CLUSTER_CRON_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  local name port
  for name in a b; do
    if [ "$name" = a ]; then port=$port_a; else port=$port_b; fi
    # setsid: its own process group, so the stop reaches next-server and not only the npx wrapper.
    DATABASE_URL="$pooled_app_url" MIGRATION_DATABASE_URL="" DATABASE_PREPARE=false \
      DATABASE_POOL_MAX="${CLUSTER_POOL_MAX:-4}" DATABASE_IDLE_TIMEOUT=20 CRON_SECRET="$CLUSTER_CRON_SECRET" \
      TRUSTED_PROXIES=1 PGLITE_DIR="" \
      setsid npx next start -p "$port" -H 127.0.0.1 >"$CLUSTER_DIR/next-$name.log" 2>&1 &
    CLUSTER_PIDS+=($!)
  done
  local pid
  for port in "$port_a" "$port_b"; do
    for _ in $(seq 1 120); do
      if curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; then break; fi
      for pid in "${CLUSTER_PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null || { cluster_logs; echo "an instance exited"; return 1; }
      done
      sleep 1
    done
    curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { cluster_logs; return 1; }
  done
  CLUSTER_URL="http://127.0.0.1:$proxy_port"
  export CLUSTER_URL CLUSTER_CRON_SECRET

  # Both instances answer through the proxy, in turn.
  local seen
  seen=$(for _ in 1 2 3 4; do
    curl -sfD - -o /dev/null "$CLUSTER_URL/api/health" | tr -d '\r' | sed -n 's/^x-hesabat-instance: //Ip'
  done | sort -u | tr '\n' ' ')
  echo "proxy $CLUSTER_URL → instances: $seen(pgbouncer :$bouncer_port, transaction mode; database $CLUSTER_DB)"
  [ "$seen" = "a b " ] || { echo "the proxy did not reach both instances"; return 1; }
  curl -sf "$CLUSTER_URL/api/health"
  echo
}

cluster_logs() {
  local f
  for f in "$CLUSTER_DIR"/next-*.log "$CLUSTER_DIR"/pgbouncer.log; do
    [ -f "$f" ] && { echo "--- $f ---"; tail -40 "$f"; }
  done
}

cluster_stop() {
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${CLUSTER_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  CLUSTER_PIDS=()
  if [ -n "$CLUSTER_DIR" ]; then
    local file
    for file in "$CLUSTER_DIR/haproxy.pid" "$CLUSTER_DIR/pgbouncer.pid"; do
      [ -f "$file" ] && kill "$(cat "$file")" 2>/dev/null || true
    done
  fi
  if [ -n "$CLUSTER_DB" ]; then
    sleep 0.5
    psql "$CLUSTER_PG/postgres" -qc "drop database if exists $CLUSTER_DB with (force)" >/dev/null 2>&1 || true
    CLUSTER_DB=""
  fi
}
