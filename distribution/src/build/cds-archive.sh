#!/usr/bin/env bash
#
# cds-archive.sh <assembly dir>: writes <assembly>/lib/cds/karaf.jsa, a dynamic class-data-sharing archive of the
# classes a dev agent loads up to its first KV write (the JDK's, Karaf's and the bundles'), which bin/cairn agent
# maps at start instead of loading, parsing and verifying those classes again. Run by the distribution build.
#
# The archive is only valid for the JDK build that made it and for the exact jars under lib/ (bin/cairn refers to
# them by relative paths, so copies of the installation keep it valid); with any other JDK the JVM ignores it.
# Making it is best effort: if the agent does not come up, the distribution is built without an archive.
set -u
home="$(cd "$1" && pwd -P)"
if ! command -v curl >/dev/null 2>&1; then
  echo "cds-archive: curl not found, no archive made; the distribution works without it" >&2
  exit 0
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/cairn-cds.XXXXXX")" || exit 0
trap 'rm -rf "$work"' EXIT
mkdir -p "$home/lib/cds"
rm -f "$home/lib/cds/karaf.jsa"

# A free TCP port (DNS also binds UDP on its port; collisions there only fail this best-effort run).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
http=$(free_port)
CAIRN_CDS_DUMP="$work/karaf.jsa" "$home/bin/cairn" agent -dev -node cds -data-dir "$work/data" -http-port "$http" \
  -dns-port "$(free_port)" -server-port "$(free_port)" -serf-lan-port "$(free_port)" -serf-wan-port "$(free_port)" \
  >"$work/agent.log" 2>&1 &
agent=$!
ok=false
for _ in $(seq 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data-binary x "http://127.0.0.1:$http/v1/kv/cds")" = 200 ]; then
    ok=true
    break
  fi
  kill -0 "$agent" 2>/dev/null || break
  sleep 0.1
done
kill "$agent" 2>/dev/null
wait "$agent"
# Karaf records its root instance and PID in the installation; the distribution ships without them.
rm -rf "$home/instances" "$home/karaf.pid"
if $ok && [ -s "$work/karaf.jsa" ]; then
  mv "$work/karaf.jsa" "$home/lib/cds/karaf.jsa"
  echo "cds-archive: wrote $home/lib/cds/karaf.jsa"
else
  echo "cds-archive: no archive made (agent log follows); the distribution works without it" >&2
  cat "$work/agent.log" >&2
fi
exit 0
