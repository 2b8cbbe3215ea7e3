#!/usr/bin/env bash
# Installs Doorstep as a service on a Raspberry Pi (Raspberry Pi OS / Debian 12), from a
# source checkout. Run as root:  sudo systemd/install.sh
# Idempotent: an existing /etc/doorstep/gateway.yaml and estate file are kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/opt/doorstep
ETC=/etc/doorstep
DATA=/var/lib/doorstep

[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 1; }

echo "== packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless mosquitto >/dev/null

echo "== build"
if [ ! -d "$ROOT/gateway/target/dist/lib" ]; then
  command -v mvn >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
  (cd "$ROOT" && mvn -q -B -DskipTests package)
fi

echo "== user"
getent group gpio >/dev/null || groupadd --system gpio
id doorstep >/dev/null 2>&1 || useradd --system --home-dir "$DATA" --shell /usr/sbin/nologin \
  --groups dialout,gpio doorstep

echo "== files"
rm -rf "$PREFIX/lib"
install -d -m 0755 "$PREFIX/lib" "$ETC" "$ETC/estates" "$ETC/profiles"
# Production gets lib/ only: the embedded demo broker (lib-demo/) stays out.
install -m 0644 "$ROOT"/gateway/target/dist/lib/*.jar "$PREFIX/lib/"
install -m 0644 "$ROOT/README.md" "$PREFIX/README.md"
[ -f "$ETC/gateway.yaml" ] || install -m 0640 -g doorstep "$ROOT/config/gateway.production.yaml" "$ETC/gateway.yaml"
for f in "$ROOT"/config/estates/*.yaml; do
  [ -f "$ETC/estates/$(basename "$f")" ] || install -m 0640 -g doorstep "$f" "$ETC/estates/"
done
# Device profiles: the shipped ones are updated with the program; a technician's own stay.
install -m 0644 "$ROOT"/config/profiles/*.yaml "$ETC/profiles/"
install -d -m 0750 -o doorstep -g doorstep "$DATA"

echo "== broker"
if [ ! -f /etc/mosquitto/conf.d/doorstep.conf ]; then
  install -m 0644 "$ROOT/config/mosquitto.conf" /etc/mosquitto/conf.d/doorstep.conf
  echo "   /etc/mosquitto/conf.d/doorstep.conf installed: add the terminals to its password file"
fi

echo "== check"
runuser -u doorstep -- /usr/bin/java -cp "$PREFIX/lib/*" io.doorstep.gateway.Main check-config "$ETC/gateway.yaml"

echo "== service"
install -m 0644 "$ROOT/systemd/doorstep.service" /etc/systemd/system/doorstep.service
systemctl daemon-reload
systemctl enable --now doorstep.service
systemctl --no-pager status doorstep.service | head -5
echo "Doorstep is installed. Logs: journalctl -u doorstep -f"
