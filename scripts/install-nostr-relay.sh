#!/usr/bin/env bash
# Installs `nostr-relay` (PyPI: a Python NIP-01 relay on SQLite, written by nobody here) into a
# private virtualenv, once, and prints the path of its executable. The end-to-end tests of the
# external driver run against it (docs/external.md); nothing touches the system Python.
# Usage: scripts/install-nostr-relay.sh        (venv: $MESHBENCH_NOSTR_RELAY_VENV, default
#        ~/.cache/meshbench/nostr-relay-venv)
# Exit codes: 0 installed (path on standard output), 2 the venv or the package could not be installed.
set -euo pipefail
venv="${MESHBENCH_NOSTR_RELAY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/meshbench/nostr-relay-venv}"
relay="$venv/bin/nostr-relay"
if [ ! -x "$relay" ]; then
  echo "install-nostr-relay: installing nostr-relay 1.14 into $venv" >&2
  python3 -m venv "$venv" >&2 || { echo "install-nostr-relay: python3 -m venv failed; install python3-venv (apt-get install python3-venv)" >&2; exit 2; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "nostr-relay==1.14" >&2 \
    || { rm -rf "$venv"; echo "install-nostr-relay: pip could not install nostr-relay==1.14 from PyPI (no network or no PyPI mirror?)" >&2; exit 2; }
fi
echo "$relay"
