#!/usr/bin/env bash
# Checks that Swift sources follow the repository's `.swift-format` (the toolchain's `swift format
# lint --strict`); exits 1 listing every finding, and prints the command that fixes them.
#
#   scripts/check-format.sh PATH...          the given files and folders (folders recursively)
#   scripts/check-format.sh --list FILE      the paths listed in FILE, one a line (# comments)
#   scripts/check-format.sh --all            Sources, Tests, Plugins and Package.swift
#
# CI (.ci/run) checks the whole tree (--all). To fix what it finds:
# `swift format format --in-place --recursive --parallel Sources Tests Plugins Package.swift`.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
paths=()
case "${1:-}" in
  "" | -h | --help) usage ;;
  --all) [ $# -eq 1 ] || usage; paths=(Sources Tests Plugins Package.swift) ;;
  --list)
    [ $# -eq 2 ] || usage
    [ -f "$2" ] || { echo "check-format: $2: no such file; give a file with one path a line" >&2; exit 2; }
    while IFS= read -r line; do
      line="${line%%#*}"; line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"
      [ -n "$line" ] && paths+=("$line")
    done < "$2"
    ;;
  -*) usage ;;
  *) paths=("$@") ;;
esac
[ ${#paths[@]} -gt 0 ] || { echo "check-format: no paths to check" >&2; exit 2; }
for path in "${paths[@]}"; do
  [ -e "$path" ] || { echo "check-format: $path does not exist (paths are relative to the repository root)" >&2; exit 2; }
done

if ! findings=$(swift format lint --strict --recursive --parallel --configuration .swift-format "${paths[@]}" 2>&1); then
  printf '%s\n' "$findings" >&2
  echo "check-format: $(printf '%s\n' "$findings" | grep -c ': error: ') finding(s). Fix with:" >&2
  echo "  swift format format --in-place --recursive --parallel ${paths[*]}" >&2
  exit 1
fi
echo "check-format: ${#paths[@]} path(s) follow .swift-format"
