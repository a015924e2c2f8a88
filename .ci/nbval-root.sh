#!/usr/bin/env bash
# A Debian sid root with real nbval (python3-nbval 0.11, jupyter_client 8), for the tests that run
# the notebooks through nbval itself rather than through the project's runner.
#   .ci/nbval-root.sh             makes the root if it is missing or its recipe changed; prints its path
#   .ci/nbval-root.sh run CMD...  runs CMD inside it, in the current folder
# The root is kept in $PYMASTERY_NBVAL_ROOT (default /var/cache/pymastery/roots/sid-nbval) with its
# recipe's hash; a re-run takes well under a second when it is in place, a fresh one 2.5-4.5
# minutes (debootstrap; nbval pulls in ipykernel). `run` chroots in a mount namespace of its own,
# with /proc, /dev, the JDKs (/usr/lib/jvm), the checkout and /run/pymastery (Podman's socket)
# mounted at the same paths, so a kernelspec installed in the checkout starts this checkout's
# kernel, and the kernel reaches the container engine. Kernels a run leaves warm keep that view.
# Progress goes to stderr. CI=true turns a missing prerequisite into a failure.
set -euo pipefail

ROOT="${PYMASTERY_NBVAL_ROOT:-/var/cache/pymastery/roots/sid-nbval}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE=sid
PACKAGES=(python3-nbval python3-jupyter-client)
# debootstrap does not resolve virtual packages: python3-zmq needs python3-cffi-backend-api-*.
FINISH=(python3-cffi-backend)
RECIPE="$(printf '%s' "$SUITE|${PACKAGES[*]}|${FINISH[*]}" | sha256sum | cut -c1-16)"

say() { echo "nbval-root.sh: $*" >&2; }
fail() { say "$*"; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

chroot_env() {
  local vars=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8)
  local name
  # What the kernel and the tests read: the engine, the kernel's settings, Jupyter's paths, CI.
  for name in $(compgen -e); do
    case "$name" in
      DOCKER_HOST | PYMASTERY_* | JUPYTER_* | CI | JAVA_HOME) vars+=("$name=${!name}") ;;
    esac
  done
  printf '%s\0' "${vars[@]}"
}

build() {
  command -v debootstrap >/dev/null || {
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends debootstrap >&2
  } || fail "debootstrap is missing and cannot be installed"
  local work="$ROOT.part" start=$SECONDS
  as_root rm -rf "$work" "$work.log"
  as_root mkdir -p "$(dirname "$ROOT")"
  say "making a Debian $SUITE root with ${PACKAGES[*]} in $ROOT; takes 2.5-4.5 minutes"
  # debootstrap leaves the packages that need a virtual one unconfigured and exits non-zero: apt-get
  # finishes them below, and the import check at the end decides.
  as_root debootstrap --variant=minbase --include="$(IFS=,; echo "${PACKAGES[*]}")" "$SUITE" "$work" "$MIRROR" \
    >"$work.log" 2>&1 || true
  [ -x "$work/usr/bin/apt-get" ] || { tail -n 20 "$work.log" >&2; fail "debootstrap $SUITE failed (is $MIRROR reachable?)"; }
  as_root cp /etc/resolv.conf "$work/etc/resolv.conf"
  as_root mount -t proc proc "$work/proc"
  as_root mount --bind /dev "$work/dev"
  local rc=0
  as_root env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 \
    chroot "$work" sh -c "apt-get -o Acquire::Check-Valid-Until=false update -qq \
      && apt-get -o Acquire::Check-Valid-Until=false install -y -qq --no-install-recommends -f ${FINISH[*]} \
      && python3 -c 'import nbval, jupyter_client, zmq'" >>"$work.log" 2>&1 || rc=$?
  as_root umount "$work/dev" "$work/proc" || true
  if [ "$rc" -ne 0 ]; then
    tail -n 20 "$work.log" >&2
    fail "installing ${PACKAGES[*]} into the $SUITE root failed (see $work.log)"
  fi
  as_root rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/usr/share/doc "$work"/usr/share/man
  echo "$RECIPE" | as_root tee "$work/.pymastery-recipe" >/dev/null
  as_root rm -rf "$ROOT" && as_root mv "$work" "$ROOT" && as_root mv "$work.log" "$ROOT.log"
  say "made $ROOT in $((SECONDS - start)) s"
}

ensure() {
  [ "$(cat "$ROOT/.pymastery-recipe" 2>/dev/null)" = "$RECIPE" ] || build
}

run() {
  ensure
  local mounts=(/usr/lib/jvm "$CHECKOUT")
  [ -d /run/pymastery ] && mounts+=(/run/pymastery)
  local script='set -e; root="$1"; cd_to="$2"; shift 2
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
while [ "$1" != -- ]; do mkdir -p "$root$1"; mount --rbind "$1" "$root$1"; shift; done; shift
cd "$root" && exec chroot "$root" sh -c '\''cd "$1" && shift && exec "$@"'\'' - "$cd_to" "$@"'
  # A mount namespace of its own: nothing is left mounted on the host, whatever happens.
  mapfile -d '' vars < <(chroot_env)
  as_root unshare --mount --propagation private env -i "${vars[@]}" bash -c "$script" - \
    "$ROOT" "$PWD" "${mounts[@]}" -- "$@"
}

case "${1:-}" in
  "") ensure; echo "$ROOT" ;;
  run) shift; [ "$#" -gt 0 ] || fail "run what?"; run "$@" ;;
  *) fail "usage: .ci/nbval-root.sh [run CMD...]" ;;
esac
