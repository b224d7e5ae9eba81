#!/usr/bin/env bash
# The tests (unit, Spark integration, browser) and the format check: the README's test command.
# Finds Debian's chromium and chromium-driver for the review console's browser tests, and installs
# them when they are missing (as root, or through sudo); then runs mvn -B verify with any
# arguments given (e.g. -Dit.test=ReviewConsoleIT). --long (first) also runs the long integration
# tests: a standalone cluster that loses a worker mid-job (ClusterIT) and commands killed with
# SIGKILL (FaultIT).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
long=()
if [ "${1:-}" = "--long" ]; then
  # The long tests do not fit the fork's 20 minutes with the rest on 2 slow cores.
  long=(-Dit.excluded.groups=none -Dit.fork.timeout.seconds=2400)
  shift
fi

if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1 \
  && [ -z "${CHROMIUM:-}" ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "jobs/test.sh: chromium and chromium-driver are missing and this user cannot install" \
        "them (not root, no sudo); the browser tests will be skipped (or fail under CI=true)." >&2
    fi
  fi
  if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
    echo "jobs/test.sh: installing Debian's chromium and chromium-driver for the browser tests" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

command -v mvn >/dev/null 2>&1 || { echo "jobs/test.sh: needs Maven (mvn)." >&2; exit 2; }
exec mvn -B verify "${long[@]}" "$@"
