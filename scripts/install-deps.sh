#!/usr/bin/env bash
# Installs the Debian packages MeshBench builds against, only when one is missing.
# Needs root (or sudo) the first time; a no-op afterwards.
set -euo pipefail
# hyperfine: the live hyperfine tests (Tests/PipelineEndToEndTests/ForeignPipelineTests.swift) run it.
# iproute2 (ip, ss): the network-namespace mesh and its tests (Tests/ScenariosTests/NamespaceMeshTests.swift).
packages=(libcairo2-dev zlib1g-dev libsecp256k1-dev libsqlite3-dev libssl-dev pkg-config fonts-dejavu-core hyperfine iproute2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
