#!/usr/bin/env bash
# Validates the manifests of `bench deploy kubernetes` offline against the Kubernetes schemas
# (kubernetes-validate from PyPI, which ships the schemas; --strict rejects unknown fields), for
# a 3-node and a 100-node mesh. kubernetes-validate is installed once into a private virtualenv
# (default .build/venv-k8s) so nothing touches the system Python.
# Usage: scripts/check-kubernetes.sh BENCH   (BENCH: the built bench executable)
# Exit codes: 0 valid, 1 a manifest did not validate, 2 kubernetes-validate could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:?usage: scripts/check-kubernetes.sh BENCH}

venv="${MESHBENCH_K8S_VENV:-.build/venv-k8s}"
validate="$venv/bin/kubernetes-validate"
if [ ! -x "$validate" ]; then
  echo "check-kubernetes: installing kubernetes-validate 1.37.0 into $venv" >&2
  python3 -m venv "$venv" >&2 || { echo "check-kubernetes: python3 -m venv failed; install python3-venv (apt-get install python3-venv)" >&2; exit 2; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check kubernetes-validate==1.37.0 >&2 \
    || { echo "check-kubernetes: kubernetes-validate did not install from PyPI (no network or no PyPI mirror?)" >&2; exit 2; }
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bench" deploy kubernetes --nodes 3 --topology line --out "$out/3" >/dev/null
"$bench" deploy kubernetes --nodes 100 --topology regular --degree 4 --out "$out/100" >/dev/null
"$validate" --strict --quiet "$out"/3/*.yaml "$out"/100/*.yaml
echo "check-kubernetes: $("$validate" --version) --strict: the manifests of 3 and 100 nodes are valid ($(cat "$out"/100/*.yaml | wc -c) bytes for 100 nodes)" >&2
