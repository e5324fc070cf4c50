#!/usr/bin/env bash
#
# record-boot.sh <assembly dir>: boots a dev agent once from the finished assembly, up to its first KV write, and
# keeps two things later starts reuse. Run by the distribution build.
#   lib/cds/karaf.jsa  a dynamic class-data-sharing archive of the classes loaded (the JDK's, Karaf's and the
#                      bundles'), which bin/cairn agent maps at start instead of loading, parsing and verifying
#                      them again. Only valid for the JDK build that made it and the exact jars under lib/
#                      (bin/cairn refers to them by relative paths, so copies of the installation keep it valid);
#                      with any other JDK the JVM ignores it.
#   lib/seed/          the Karaf cache the agent provisioned (boot features resolved, bundles installed), which a
#                      new agent data dir starts from while etc/ still provisions the same (see KarafSeed in the
#                      CLI), so that an agent's first start is a Karaf restart.
# Both are best effort: if the agent does not come up, the distribution is built without them.
set -u
home="$(cd "$1" && pwd -P)"
if ! command -v curl >/dev/null 2>&1; then
  echo "record-boot: curl not found, no archive or seed made; the distribution works without them" >&2
  exit 0
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/cairn-boot.XXXXXX")" || exit 0
trap 'rm -rf "$work"' EXIT
mkdir -p "$home/lib/cds"
# An earlier build's seed would make this boot a restart: the archive and the new seed must see a first start.
rm -rf "$home/lib/cds/karaf.jsa" "$home/lib/seed"

# A free TCP port below Linux's ephemeral range (32768 and up), where an outgoing connection's local port can
# hold it without anyone listening (DNS and gossip also bind UDP on theirs; collisions there only fail this
# best-effort run).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
http=$(free_port)
CAIRN_CDS_DUMP="$work/karaf.jsa" "$home/bin/cairn" agent -dev -node boot -data-dir "$work/data" -http-port "$http" \
  -dns-port "$(free_port)" -server-port "$(free_port)" -serf-lan-port "$(free_port)" -serf-wan-port "$(free_port)" \
  >"$work/agent.log" 2>&1 &
agent=$!
ok=false
for _ in $(seq 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data-binary x "http://127.0.0.1:$http/v1/kv/boot")" = 200 ]; then
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
  echo "record-boot: wrote $home/lib/cds/karaf.jsa"
  "$java" -cp "$home/lib/cli/*" io.cairn.cli.agent.KarafSeed "$home" "$work/data/karaf" ||
    echo "record-boot: no seed recorded; the distribution works without it" >&2
else
  echo "record-boot: no archive or seed made (agent log follows); the distribution works without them" >&2
  cat "$work/agent.log" >&2
fi
exit 0
