#!/usr/bin/env bash
# The nbval root of .ci/debian-root.sh (see there): .ci/nbval-root.sh [run CMD...]
exec "$(dirname "${BASH_SOURCE[0]}")/debian-root.sh" nbval "$@"
