#!/usr/bin/env bash
# Debian roots made with debootstrap, for the tests that need clients newer than this machine's:
#   nbval  sid with real nbval (python3-nbval 0.11, jupyter_client 8): RealNbvalIT, ./pymastery nbval --real
#   lab    trixie with JupyterLab 4.0 and ipywidgets 8 (python3-ipywidgets, python3-jupyterlab-widgets):
#          the widget test that drives JupyterLab in Chromium
#   .ci/debian-root.sh NAME             makes the root if it is missing or its recipe changed; prints its path
#   .ci/debian-root.sh NAME run CMD...  runs CMD inside it, in the current folder
# (.ci/nbval-root.sh and .ci/lab-root.sh are these with NAME given.) A root is kept in
# $PYMASTERY_ROOTS/SUITE-NAME (default /var/cache/pymastery/roots) with its recipe's hash; a re-run
# takes well under a second when it is in place, a fresh one 2.5-5 minutes (debootstrap). `run`
# chroots in a mount namespace of its own, with /proc, /dev, the JDKs (/usr/lib/jvm), the checkout
# and /run/pymastery (Podman's socket) mounted at the same paths, so a kernelspec installed in the
# checkout starts this checkout's kernel, and the kernel reaches the container engine. Kernels a run
# leaves warm keep that view. Progress goes to stderr. CI=true turns a missing prerequisite into a
# failure.
set -euo pipefail

NAME="${1:-}"
shift || true
# debootstrap does not resolve virtual packages: python3-zmq needs python3-cffi-backend-api-*, which
# apt-get finishes inside the root, where it also installs the packages of FINISH. CHECK is the
# import that says the root works.
case "$NAME" in
  nbval)
    SUITE=sid
    PACKAGES=(python3-nbval python3-jupyter-client)
    FINISH=(python3-cffi-backend)
    CHECK="import nbval, jupyter_client, zmq"
    ;;
  lab)
    SUITE=trixie
    # jupyterlab depends on many node-* virtual packages: debootstrap makes a bare root and apt-get
    # resolves them inside.
    PACKAGES=(python3-minimal)
    FINISH=(jupyterlab python3-ipywidgets python3-jupyterlab-widgets)
    CHECK="import jupyterlab, jupyter_server, ipywidgets, jupyterlab_widgets, zmq"
    ;;
  *) echo "usage: .ci/debian-root.sh nbval|lab [run CMD...]" >&2; exit 2 ;;
esac
if [ "$NAME" = nbval ] && [ -n "${PYMASTERY_NBVAL_ROOT:-}" ]; then
  ROOT="$PYMASTERY_NBVAL_ROOT"
else
  ROOT="${PYMASTERY_ROOTS:-/var/cache/pymastery/roots}/$SUITE-$NAME"
fi
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECIPE="$(printf '%s' "$SUITE|${PACKAGES[*]}|${FINISH[*]}" | sha256sum | cut -c1-16)"

say() { echo "debian-root.sh $NAME: $*" >&2; }
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
  say "making a Debian $SUITE root with ${PACKAGES[*]} ${FINISH[*]} in $ROOT; takes 2.5-5 minutes"
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
      && python3 -c '$CHECK'" >>"$work.log" 2>&1 || rc=$?
  as_root umount "$work/dev" "$work/proc" || true
  if [ "$rc" -ne 0 ]; then
    tail -n 20 "$work.log" >&2
    fail "installing ${PACKAGES[*]} ${FINISH[*]} into the $SUITE root failed (see $work.log)"
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
  *) fail "usage: .ci/debian-root.sh $NAME [run CMD...]" ;;
esac
