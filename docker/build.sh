#!/usr/bin/env bash
# Builds PyMastery's runtime images with Docker or Podman.
#   ./docker/build.sh [stock|freethreaded|py314|architect|cuda|all]... [--engine docker|podman] [--pull] [-- ARGS]
# Tags match the defaults in kernel's default-runtimes.yaml:
#   stock -> pymastery/stock:3.13   freethreaded -> pymastery/freethreaded:3.14t
#   py314 -> pymastery/py314:3.14   architect -> pymastery/architect:3.11   cuda -> pymastery/cuda:12.8
# ARGS after -- go to the engine's build command (e.g. --build-arg PYTHON_VERSION=3.14.1).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

declare -A TAGS=([stock]=pymastery/stock:3.13 [freethreaded]=pymastery/freethreaded:3.14t [py314]=pymastery/py314:3.14 [architect]=pymastery/architect:3.11 [cuda]=pymastery/cuda:12.8)
engine=""
targets=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine="$2"; shift 2 ;;
    --pull) extra+=(--pull); shift ;;
    --) shift; extra+=("$@"); break ;;
    all) targets+=(stock freethreaded py314 architect cuda); shift ;;
    stock|freethreaded|py314|architect|cuda) targets+=("$1"); shift ;;
    ft) targets+=(freethreaded); shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (stock, freethreaded, py314, architect, cuda, all, --engine, --pull)" >&2; exit 2 ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=(stock)

if [ -z "$engine" ]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then engine=docker
  elif command -v podman >/dev/null 2>&1; then engine=podman
  else echo "build.sh: neither docker nor podman is usable here" >&2; exit 1
  fi
fi

for target in "${targets[@]}"; do
  tag="${TAGS[$target]}"
  echo "build.sh: building $tag with $engine from docker/$target" >&2
  "$engine" build -t "$tag" "${extra[@]}" "$HERE/$target"
done
