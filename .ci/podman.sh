#!/usr/bin/env bash
# Sets up a container engine for the container-runtime tests, idempotently:
#   Podman + runc, /etc/containers/containers.conf (runc, cgroupfs, rlimits this sandbox allows),
#   `podman system service` serving the Docker Engine API on a Unix socket, test images made
#   from Debian packages with debootstrap + `podman import` (no registry is reachable here), and
#   for the pull test an OCI layout of one of them plus an insecure-registry entry for
#   localhost:5511, where the tests serve it themselves (tests/.../containers/oci_registry.py).
# Progress goes to stderr; stdout gets one line for the caller to eval:
#   eval "$(.ci/podman.sh)"    # exports DOCKER_HOST=unix:///run/pymastery/podman.sock
# Re-runs take about a second when everything is in place. An image is rebuilt when its recipe
# (suite + packages) changes. CI=true turns every missing prerequisite into a failure.
set -euo pipefail

SOCKET_DIR="${PYMASTERY_PODMAN_DIR:-/run/pymastery}"
SOCKET="$SOCKET_DIR/podman.sock"
LAYOUT_DIR="${PYMASTERY_TEST_REGISTRY_DIR:-/var/tmp/pymastery-test-registry}"
REGISTRY="localhost:5511"
RESTART_SERVICE=false
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CI="${CI:-false}"

# name:tag | suite | packages (comma-separated) -- the images the tests use.
IMAGES=(
  "pymastery-test/stock:3.13|trixie|python3,python3-matplotlib"
  "pymastery-test/ft:3.14|sid|python3.14"
)

say() { echo "podman.sh: $*" >&2; }
fail() { say "$*"; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=() p
  for p in podman runc debootstrap; do command -v "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends podman runc debootstrap \
    || fail "cannot install podman, runc and debootstrap"
}

# crun fails on this host (cgroups v1/hybrid); runc works. The sandbox lacks CAP_SYS_RESOURCE, so
# Podman's default rlimits cannot be applied; there is no systemd, so cgroups are managed directly.
configure() {
  local conf=/etc/containers/containers.conf wanted
  wanted='# Written by .ci/podman.sh (PyMastery tests).
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
'
  if [ "$(cat "$conf" 2>/dev/null)" != "$(printf '%s' "$wanted")" ]; then
    if [ -f "$conf" ] && ! grep -q 'Written by .ci/podman.sh' "$conf"; then
      as_root cp "$conf" "$conf.before-pymastery"
      say "kept the previous $conf as $conf.before-pymastery"
    fi
    printf '%s' "$wanted" | as_root tee "$conf" >/dev/null
    say "wrote $conf"
  fi
}

# The tests' registry serves plain HTTP on loopback.
configure_registry() {
  local conf=/etc/containers/registries.conf.d/50-pymastery-test.conf wanted
  wanted="# Written by .ci/podman.sh: the registry the container tests serve on loopback.
[[registry]]
location = \"$REGISTRY\"
insecure = true
"
  if [ "$(cat "$conf" 2>/dev/null)" != "$(printf '%s' "$wanted")" ]; then
    as_root mkdir -p "$(dirname "$conf")"
    printf '%s' "$wanted" | as_root tee "$conf" >/dev/null
    say "wrote $conf"
    RESTART_SERVICE=true
  fi
}

# The ft test image as an OCI layout, for the pull test's registry; redone when the image changes.
export_layout() {
  local image="pymastery-test/ft:3.14" id
  id="$(podman image inspect --format '{{.Id}}' "$image")"
  if [ -f "$LAYOUT_DIR/ft/index.json" ] && [ "$(cat "$LAYOUT_DIR/ft.id" 2>/dev/null)" = "$id" ]; then
    return 0
  fi
  as_root rm -rf "$LAYOUT_DIR/ft"
  as_root mkdir -p "$LAYOUT_DIR"
  podman save --quiet --format oci-dir -o "$LAYOUT_DIR/ft" "$image"
  echo "$id" | as_root tee "$LAYOUT_DIR/ft.id" >/dev/null
  say "exported $image to $LAYOUT_DIR/ft"
}

api_up() {
  curl -sf --max-time 2 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1
}

# The pid of the service serving $SOCKET, from its command line (services started before the
# pid file existed).
service_pid() {
  local cmdline pid
  for cmdline in /proc/[0-9]*/cmdline; do
    pid="${cmdline#/proc/}"; pid="${pid%/cmdline}"
    if tr '\0' ' ' <"$cmdline" 2>/dev/null | grep -qF "system service --time=0 unix://$SOCKET"; then
      echo "$pid"; return 0
    fi
  done
  return 1
}

start_service() {
  if api_up && ! service_pid | cmp -s - "$SOCKET_DIR/service.pid" && pid="$(service_pid)"; then
    echo "$pid" | as_root tee "$SOCKET_DIR/service.pid" >/dev/null
  fi
  # A service started from a checkout that was deleted since cannot start containers (conmon:
  # "Failed to get working directory"): restart it like one whose configuration changed.
  if api_up && [ -f "$SOCKET_DIR/service.pid" ] \
    && as_root readlink "/proc/$(cat "$SOCKET_DIR/service.pid")/cwd" 2>/dev/null | grep -q ' (deleted)$'; then
    RESTART_SERVICE=true
  fi
  if api_up && [ "$RESTART_SERVICE" = true ] && [ -f "$SOCKET_DIR/service.pid" ]; then
    say "restarting podman system service (its configuration changed, or its folder is gone)"
    as_root kill "$(cat "$SOCKET_DIR/service.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do api_up || break; sleep 0.1; done
  fi
  api_up && return 0
  as_root mkdir -p "$SOCKET_DIR"
  as_root rm -f "$SOCKET"
  say "starting podman system service on $SOCKET"
  # setsid: the service outlives this script and is not killed with its process group.
  # cd /: the service must not live in (and hold on to) the checkout that started it.
  # only-std-fds, and exec rather than a function call: a service holding a copy of this script's
  # stdout (bash keeps one for a redirected function call) left the caller's $(...) waiting forever.
  local sudo=() here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  (cd / && exec "${sudo[@]}" setsid "$here/only-std-fds" podman system service --time=0 "unix://$SOCKET" \
    >"$SOCKET_DIR/service.log" 2>&1 </dev/null) &
  for _ in $(seq 1 100); do
    if api_up; then
      # $! may be a subshell's pid: record the service's own.
      service_pid | as_root tee "$SOCKET_DIR/service.pid" >/dev/null
      return 0
    fi
    sleep 0.1
  done
  fail "podman system service did not answer on $SOCKET (see $SOCKET_DIR/service.log)"
}

recipe_of() { printf '%s' "$1" | sha256sum | cut -c1-16; }

build_image() {
  local name="$1" suite="$2" packages="$3" recipe current root
  recipe="$(recipe_of "$suite|$packages")"
  current="$(podman image inspect --format '{{ index .Labels "pymastery.recipe" }}' "$name" 2>/dev/null || true)"
  [ "$current" = "$recipe" ] && return 0
  command -v debootstrap >/dev/null || fail "debootstrap is missing"
  root="$(mktemp -d /var/tmp/pymastery-rootfs.XXXXXX)"
  say "building $name from Debian $suite ($packages); takes a minute or two"
  if ! as_root debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$MIRROR" >"$root.log" 2>&1; then
    tail -n 20 "$root.log" >&2
    as_root rm -rf "$root" "$root.log"
    fail "debootstrap $suite failed"
  fi
  # Slim the root: package caches and docs are not needed to run Python.
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
    "$root"/usr/share/man "$root"/usr/share/locale
  tar -C "$root" -c . | podman import --quiet \
    --change "LABEL=pymastery.recipe=$recipe" \
    --change "LABEL=pymastery.suite=$suite" \
    --change 'CMD=["python3"]' \
    - "$name" >/dev/null
  as_root rm -rf "$root" "$root.log"
  say "imported $name"
}

main() {
  # Callers eval this script's stdout: everything but the final line goes to stderr (apt-get's
  # "(Reading database ..." on stdout once made .ci/run's eval fail on a fresh machine).
  {
    install_packages
    configure
    configure_registry
    for entry in "${IMAGES[@]}"; do
      IFS='|' read -r name suite packages <<<"$entry"
      build_image "$name" "$suite" "$packages"
    done
    export_layout
    start_service
  } >&2
  echo "export DOCKER_HOST=unix://$SOCKET"
}

main "$@"
