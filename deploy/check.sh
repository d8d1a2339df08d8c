#!/usr/bin/env bash
# Checks the deployment files that the test suite cannot: the systemd unit with systemd-analyze, the compose file's
# shape, and the SDK's container build to a tarball (on a stand-in base image: see check/standin-registry.py).
# Run from the repository (CI: .ci/run). Needs a Release build of src/Booking.Web (it builds one if missing),
# python3 with PyYAML and systemd-analyze; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "Missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
work=$(mktemp -d)
registry=""
trap '[ -n "$registry" ] && kill "$registry" 2>/dev/null; rm -rf "$work"' EXIT

echo "deploy/check.sh: systemd unit"
# verify exits 0 on unknown keys and bad values (it only warns), so any output is a failure too.
out=$(systemd-analyze verify deploy/eventbooking.service 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "$out"; exit 1; }
grep -qx 'Type=notify' deploy/eventbooking.service
grep -q '^EnvironmentFile=' deploy/eventbooking.service

echo "deploy/check.sh: compose file"
python3 - deploy/compose.yaml <<'PY'
import sys, yaml
compose = yaml.safe_load(open(sys.argv[1]))
services = compose["services"]
app, db = services["eventbooking"], services["mariadb"]
assert db["image"] == "mariadb:10.11", db["image"]
assert "healthcheck.sh" in db["healthcheck"]["test"], db["healthcheck"]
assert app["depends_on"]["mariadb"]["condition"] == "service_healthy"
env = app["environment"]
for key in ("EventStore__Provider", "ConnectionStrings__EventStore", "Auth__Username", "Auth__Password"):
    assert key in env, key
assert "Database=eventbooking" in env["ConnectionStrings__EventStore"] and "Server=mariadb" in env["ConnectionStrings__EventStore"]
assert db["environment"]["MARIADB_DATABASE"] == "eventbooking"
print("  services:", ", ".join(services))
PY
if docker compose version >/dev/null 2>&1; then
  EVENTBOOKING_ADMIN_PASSWORD=x MARIADB_PASSWORD=x MARIADB_ROOT_PASSWORD=x docker compose -f deploy/compose.yaml config --quiet
else
  echo "  (no docker compose plugin here: parsed with PyYAML only)"
fi

echo "deploy/check.sh: container tarball"
[ -f src/Booking.Web/bin/Release/net10.0/Booking.Web.dll ] || dotnet build src/Booking.Web -c Release -nologo -v q
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 deploy/check/standin-registry.py "$port" & registry=$!
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://localhost:{sys.argv[1]}/v2/", timeout=1); break
    except OSError:
        time.sleep(0.1)
PY
DOTNET_CONTAINER_INSECURE_REGISTRIES="localhost:$port" dotnet publish src/Booking.Web -c Release --no-build -nologo -v q \
  /t:PublishContainer -p:ContainerBaseImage="localhost:$port/aspnet-standin:10.0" \
  -p:ContainerArchiveOutputPath="$work/eventbooking.tar" -p:PublishDir="$work/publish/"
mkdir "$work/image" && tar -xf "$work/eventbooking.tar" -C "$work/image"
python3 - "$work/image" <<'PY'
import json, os, sys, tarfile
root = sys.argv[1]
blob = lambda d: os.path.join(root, "blobs", *d.split(":"))
manifest = json.load(open(blob(json.load(open(os.path.join(root, "index.json")))["manifests"][0]["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))["config"]
files = set()
for layer in manifest["layers"]:
    with tarfile.open(blob(layer["digest"])) as t:
        names = t.getnames()
    print(f"  layer {layer['digest'][:19]}: {len(names)} entries")
    files.update(n.lstrip("./") for n in names)
for needed in ("app/Booking.Web.dll", "app/appsettings.json", "app/Booking.Web.runtimeconfig.json"):
    assert needed in files, needed
assert "3000/tcp" in config.get("ExposedPorts", {}), config
assert "PORT=3000" in config.get("Env", []), config
entry = config.get("Entrypoint") or config.get("Cmd")
assert entry and "Booking.Web" in " ".join(entry), entry
print("  entrypoint:", " ".join(entry), "| holds app/Booking.Web.dll, app/appsettings.json")
PY
echo "deploy/check.sh: all passed"
