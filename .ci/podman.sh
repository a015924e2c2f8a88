#!/usr/bin/env bash
# Sets up a container engine for the container-runtime tests, idempotently:
#   Podman + runc, /etc/containers/containers.conf (runc, cgroupfs, rlimits this sandbox allows),
#   `podman system service` serving the Docker Engine API on a Unix socket, test images made
#   from Debian packages with debootstrap + `podman import` (no registry is reachable here), and
#   for the pull test an OCI layout of one of them plus an insecure-registry entry for
#   localhost:5511, where the tests serve it themselves (tests/.../containers/oci_registry.py).
# Progress goes to stderr; stdout gets one line for the caller to eval:
#   eval "$(.ci/podman.sh)"    # exports DOCKER_HOST=unix:///run/pymastery/podman.sock and the
#                              # PYMASTERY_RUNTIME_* variables that put stock, ft, py314 and
#                              # architect on the images
# Re-runs take a few seconds when everything is in place. An image is rebuilt when its recipe
# (suite + packages, configure flags) changes; the compiled python3.13t is kept by version in
# $CPYTHON_CACHE, so a rebuilt ft image compiles nothing. CI=true turns every missing prerequisite
# into a failure.
set -euo pipefail

SOCKET_DIR="${PYMASTERY_PODMAN_DIR:-/run/pymastery}"
SOCKET="$SOCKET_DIR/podman.sock"
LAYOUT_DIR="${PYMASTERY_TEST_REGISTRY_DIR:-/var/tmp/pymastery-test-registry}"
REGISTRY="localhost:5511"
RESTART_SERVICE=false
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CI="${CI:-false}"

# The images the tests and `./pymastery nbval` use (the release images in docker/ need PyPI):
#   stock  trixie's CPython 3.13 with the Debian packages the curriculum uses, and pyright from npm
#   ft     CPython 3.13 built from trixie's python3.13 source with --disable-gil: a real python3.13t
#   gil    sid's CPython 3.14 as packaged (with the GIL): the py314 runtime, the GIL-warning and
#          pull tests
STOCK_IMAGE="pymastery-test/stock:3.13"
FT_IMAGE="pymastery-test/ft:3.13t"
FT_SUITE=trixie
FT_SOURCE=python3.13
FT_PYTHON=python3.13t
GIL_IMAGE="pymastery-test/gil:3.14"
#   architect      the Architect track's runtime (decision 0024): trixie's CPython 3.13 with the track's
#                  packages, redis-server, and OpenTelemetry's SDK from sid (pure Python, Architecture
#                  all; trixie packages none)
#   architect-311  the same packages from bookworm (CPython 3.11, the track's release version; its
#                  Pydantic is 1.x, so lab 15 does not run there): ArchitectOnPython311IT
ARCHITECT_IMAGE="pymastery-test/architect:3.13"
ARCHITECT_311_IMAGE="pymastery-test/architect:3.11"
ARCHITECT_PACKAGES=(
  python3 python3-fastapi python3-numpy python3-pandas python3-pydantic python3-pytest python3-requests
  python3-uvicorn python3-rich python3-anyio python3-click python3-httpx python3-pluggy
  python3-cryptography python3-prometheus-client python3-structlog python3-redis redis-server mypy
)
# From sid, over the suite's own packages (apt pin 100: sid only where the suite has nothing).
ARCHITECT_SID_PACKAGES=(python3-opentelemetry-sdk)
STOCK_PACKAGES=(
  python3 python3-dev python3-venv python3-setuptools gcc libc6-dev nodejs
  python3-numpy python3-matplotlib python3-pydantic python3-fastapi python3-uvicorn python3-httpx
  python3-attr python3-anyio python3-trio python3-cffi cython3 python3-numba
  python3-hypothesis python3-pytest python3-pytest-asyncio python3-pytest-cov python3-pytest-xdist
  python3-pytest-timeout python3-pytest-mock python3-pytest-benchmark python3-coverage mypy
  python3-memray python3-scalene python3-line-profiler python3-psutil python3-typeguard
  python3-structlog python3-prometheus-client python3-msgspec python3-rich python3-cloudpickle
)
PYRIGHT_VERSION=1.1.414
# What python3.13t needs to build, and keeps at run time so cells can compile C extensions.
FT_PACKAGES=(
  gcc make libc6-dev pkg-config xz-utils ca-certificates
  libffi-dev zlib1g-dev libbz2-dev liblzma-dev libsqlite3-dev libexpat1-dev uuid-dev libssl-dev libzstd-dev
)
FT_CONFIGURE="--disable-gil --prefix=/usr/local --without-ensurepip --disable-test-modules"
# Built interpreters are kept here by version, so a rebuilt image does not compile CPython again.
CPYTHON_CACHE="${PYMASTERY_CPYTHON_CACHE:-/var/cache/pymastery}"

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

image_label() { podman image inspect --format "{{ index .Labels \"$2\" }}" "$1" 2>/dev/null || true; }

# A Debian root in a fresh folder under /var/tmp; prints its path.
bootstrap() {
  local suite="$1" include="$2" root
  command -v debootstrap >/dev/null || fail "debootstrap is missing"
  root="$(mktemp -d /var/tmp/pymastery-rootfs.XXXXXX)"
  if ! as_root debootstrap --variant=minbase --include="$include" "$suite" "$root" "$MIRROR" >"$root.log" 2>&1; then
    tail -n 20 "$root.log" >&2
    as_root rm -rf "$root" "$root.log"
    fail "debootstrap $suite failed (is $MIRROR reachable?)"
  fi
  as_root cp /etc/resolv.conf "$root/etc/resolv.conf"
  echo "$root"
}

# Runs a command in a root, with /proc and /dev mounted for maintainer scripts and compilers.
in_root() {
  local root="$1"; shift
  as_root mount -t proc proc "$root/proc"
  as_root mount --bind /dev "$root/dev"
  local rc=0
  as_root env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 chroot "$root" "$@" || rc=$?
  as_root umount "$root/dev" "$root/proc" || true
  return "$rc"
}

# Slims a root (package caches, docs), imports it as an image with the given labels, removes it.
import_root() {
  local root="$1" name="$2"; shift 2
  local changes=() label
  for label in "$@"; do changes+=(--change "LABEL=$label"); done
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
    "$root"/usr/share/man "$root"/usr/share/locale "$root"/etc/resolv.conf
  as_root tar -C "$root" -c . | podman import --quiet "${changes[@]}" --change 'CMD=["python3"]' - "$name" >/dev/null
  as_root rm -rf "$root" "$root.log"
  say "imported $name"
}

# An image of Debian packages only (the gil image).
build_plain_image() {
  local name="$1" suite="$2" packages="$3" recipe root
  recipe="$(recipe_of "$suite|$packages")"
  [ "$(image_label "$name" pymastery.recipe)" = "$recipe" ] && return 0
  say "building $name from Debian $suite ($packages); takes a minute or two"
  root="$(bootstrap "$suite" "$packages")"
  import_root "$root" "$name" "pymastery.recipe=$recipe" "pymastery.suite=$suite"
}

# trixie + the curriculum's packages + pyright. apt-get in the root resolves what debootstrap's
# --include cannot (virtual packages, alternatives).
build_stock_image() {
  local recipe root log
  recipe="$(recipe_of "trixie|${STOCK_PACKAGES[*]}|pyright $PYRIGHT_VERSION")"
  [ "$(image_label "$STOCK_IMAGE" pymastery.recipe)" = "$recipe" ] && return 0
  say "building $STOCK_IMAGE from Debian trixie with the curriculum's packages; takes about 6 minutes"
  root="$(bootstrap trixie python3)"
  log="$root.log"
  if ! { in_root "$root" apt-get update -qq && in_root "$root" apt-get install -y -qq --no-install-recommends "${STOCK_PACKAGES[@]}"; } >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    as_root rm -rf "$root" "$log"
    fail "installing the curriculum's packages into the trixie image failed"
  fi
  # pyright: npm's package bundles its dependencies; node runs it (no npm in the image).
  if ! curl -fsSL "https://registry.npmjs.org/pyright/-/pyright-$PYRIGHT_VERSION.tgz" -o "$root.pyright.tgz"; then
    as_root rm -rf "$root" "$log"
    fail "cannot download pyright $PYRIGHT_VERSION from registry.npmjs.org"
  fi
  as_root mkdir -p "$root/opt/pyright"
  as_root tar -xzf "$root.pyright.tgz" -C "$root/opt/pyright" --strip-components=1
  rm -f "$root.pyright.tgz"
  printf '#!/bin/sh\nexec node /opt/pyright/index.js "$@"\n' | as_root tee "$root/usr/local/bin/pyright" >/dev/null
  as_root chmod 755 "$root/usr/local/bin/pyright"
  import_root "$root" "$STOCK_IMAGE" "pymastery.recipe=$recipe" "pymastery.suite=trixie"
}

# The Architect track's runtime on SUITE: its packages, and OpenTelemetry's SDK from sid, which
# apt takes from sid only because the suite lacks it (pin 100). No service starts in the root
# (policy-rc.d), so redis-server only runs when a lab starts it.
build_architect_image() {
  local name="$1" suite="$2" recipe root log
  local sid_packages=("${ARCHITECT_SID_PACKAGES[@]}")
  # OpenTelemetry's SDK imports typing_extensions.deprecated (4.5+); bookworm has 4.4.
  [ "$suite" = bookworm ] && sid_packages+=(python3-typing-extensions)
  recipe="$(recipe_of "$suite|${ARCHITECT_PACKAGES[*]}|sid: ${sid_packages[*]}")"
  [ "$(image_label "$name" pymastery.recipe)" = "$recipe" ] && return 0
  say "building $name from Debian $suite with the Architect track's packages; takes 3-5 minutes"
  root="$(bootstrap "$suite" python3)"
  log="$root.log"
  echo "deb $MIRROR sid main" | as_root tee "$root/etc/apt/sources.list.d/sid.list" >/dev/null
  printf 'Package: *\nPin: release n=sid\nPin-Priority: 100\n' | as_root tee "$root/etc/apt/preferences.d/sid" >/dev/null
  printf '#!/bin/sh\nexit 101\n' | as_root tee "$root/usr/sbin/policy-rc.d" >/dev/null
  as_root chmod 755 "$root/usr/sbin/policy-rc.d"
  # sid's Release file on the mirror reachable here is past its Valid-Until date.
  if ! { in_root "$root" apt-get -o Acquire::Check-Valid-Until=false update -qq \
      && in_root "$root" apt-get install -y -qq --no-install-recommends -t "$suite" "${ARCHITECT_PACKAGES[@]}" \
      && in_root "$root" apt-get install -y -qq --no-install-recommends "${sid_packages[@]/%//sid}" \
      && in_root "$root" python3 -c "import fastapi, pydantic, numpy, pandas, pluggy, cryptography, redis, structlog, prometheus_client, opentelemetry.sdk.trace" \
      && in_root "$root" redis-server --version; } >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    as_root rm -rf "$root" "$log"
    fail "installing the Architect track's packages into the $suite image failed"
  fi
  # The image needs neither sid's list nor the pin; cells get no network anyway.
  as_root rm -f "$root/etc/apt/sources.list.d/sid.list" "$root/etc/apt/preferences.d/sid" "$root/usr/sbin/policy-rc.d"
  import_root "$root" "$name" "pymastery.recipe=$recipe" "pymastery.suite=$suite"
}

# trixie + build tools + python3.13t compiled from trixie's python3.13 source package, or taken
# from the cache of an earlier build of the same version. (sid's python3.14 would be the newer
# choice, but the mirror reachable here lists its source without serving the files: 404.)
build_ft_image() {
  local recipe root log version cached
  recipe="$(recipe_of "$FT_SUITE|$FT_SOURCE|${FT_PACKAGES[*]}|$FT_CONFIGURE")"
  [ "$(image_label "$FT_IMAGE" pymastery.recipe)" = "$recipe" ] && return 0
  root="$(bootstrap "$FT_SUITE" "$(IFS=,; echo "${FT_PACKAGES[*]}")")"
  log="$root.log"
  echo "deb-src $MIRROR $FT_SUITE main" | as_root tee "$root/etc/apt/sources.list.d/$FT_SUITE-src.list" >/dev/null
  in_root "$root" apt-get update -qq >>"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; as_root rm -rf "$root" "$log"; fail "apt-get update in the $FT_SUITE root failed"; }
  version="$(in_root "$root" apt-cache showsrc "$FT_SOURCE" 2>/dev/null | awk '/^Version:/ {print $2}' | sort -rV | head -n 1)"
  [ -n "$version" ] || { as_root rm -rf "$root" "$log"; fail "$MIRROR lists no $FT_SOURCE source package for $FT_SUITE"; }
  cached="$CPYTHON_CACHE/cpython-$version-$(recipe_of "$FT_CONFIGURE").tar"
  if [ -f "$cached" ]; then
    say "building $FT_IMAGE with the $FT_PYTHON built before from $FT_SOURCE $version ($cached)"
    as_root tar -xf "$cached" -C "$root/usr/local"
  else
    say "building $FT_IMAGE: compiling $FT_PYTHON from $FT_SUITE's $FT_SOURCE $version source; takes about 7 minutes"
    if ! in_root "$root" sh -c "mkdir -p /usr/src/cpython && cd /usr/src/cpython && apt-get source --download-only -qq $FT_SOURCE=$version" >>"$log" 2>&1; then
      tail -n 20 "$log" >&2; as_root rm -rf "$root" "$log"
      fail "cannot download $FT_SOURCE $version's source from $MIRROR (apt-get source $FT_SOURCE)"
    fi
    # shellcheck disable=SC2016
    if ! in_root "$root" sh -euc '
        cd /usr/src/cpython
        tar -xf '"$FT_SOURCE"'_*.orig.tar.xz --strip-components=1
        ./configure '"$FT_CONFIGURE"' >/dev/null
        make -s -j"$(nproc)" >/dev/null 2>make.err || { tail -n 40 make.err; exit 1; }
        make -s install >/dev/null
        test "$(/usr/local/bin/'"$FT_PYTHON"' -c "import sys; print(sys._is_gil_enabled())")" = False' >>"$log" 2>&1; then
      tail -n 40 "$log" >&2
      as_root rm -rf "$root" "$log"
      fail "building $FT_PYTHON from source failed"
    fi
    as_root mkdir -p "$CPYTHON_CACHE"
    as_root tar -C "$root/usr/local" -cf "$cached.part" . && as_root mv "$cached.part" "$cached"
    say "kept the built interpreter in $cached"
  fi
  as_root rm -rf "$root/usr/src/cpython"
  # python3 in the image is the free-threaded interpreter too.
  as_root ln -sf "$FT_PYTHON" "$root/usr/local/bin/python3"
  import_root "$root" "$FT_IMAGE" "pymastery.recipe=$recipe" "pymastery.suite=$FT_SUITE" "pymastery.cpython=$version"
}

# The gil test image as an OCI layout, for the pull test's registry; redone when the image changes.
export_layout() {
  local image="$GIL_IMAGE" id
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

main() {
  # Callers eval this script's stdout: everything but the final line goes to stderr (apt-get's
  # "(Reading database ..." on stdout once made .ci/run's eval fail on a fresh machine).
  {
    install_packages
    configure
    configure_registry
    build_plain_image "$GIL_IMAGE" sid python3.14
    # Compiling CPython is CPU-bound, installing the stock packages mostly download and unpack:
    # on a new machine, doing both at once saves several minutes.
    # The architect images are download-bound too, and build in roots of their own beside stock's.
    local ft_pid arch_pid arch311_pid
    build_ft_image & ft_pid=$!
    build_architect_image "$ARCHITECT_IMAGE" trixie & arch_pid=$!
    build_architect_image "$ARCHITECT_311_IMAGE" bookworm & arch311_pid=$!
    build_stock_image
    wait "$arch_pid" || fail "building $ARCHITECT_IMAGE failed (see above)"
    wait "$arch311_pid" || fail "building $ARCHITECT_311_IMAGE failed (see above)"
    wait "$ft_pid" || fail "building $FT_IMAGE failed (see above)"
    export_layout
    start_service
  } >&2
  # What `./pymastery test` sets too: the kernel's runtimes on the test images.
  echo "export DOCKER_HOST=unix://$SOCKET PYMASTERY_RUNTIME_STOCK_IMAGE=$STOCK_IMAGE" \
    "PYMASTERY_RUNTIME_FT_IMAGE=$FT_IMAGE PYMASTERY_RUNTIME_FT_PYTHON=$FT_PYTHON" \
    "PYMASTERY_RUNTIME_PY314_IMAGE=$GIL_IMAGE PYMASTERY_RUNTIME_PY314_PYTHON=python3.14" \
    "PYMASTERY_RUNTIME_ARCHITECT_IMAGE=$ARCHITECT_IMAGE"
}

main "$@"
