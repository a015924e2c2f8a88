#!/usr/bin/env bash
# The lab root of .ci/debian-root.sh (see there): .ci/lab-root.sh [run CMD...]
exec "$(dirname "${BASH_SOURCE[0]}")/debian-root.sh" lab "$@"
