#!/usr/bin/env bash
# Measures tempguard's cost as a ratio to a do-nothing vet tool, run the
# same way in the same run: `go vet -vettool=T PACKAGES` with a fresh build
# cache whose compiled dependencies are warmed first, so both tools pay for
# parsing and type-checking and nothing is replayed from the vet cache.
#
#   scripts/bench.sh            # the standard library (minutes)
#   scripts/bench.sh net/http/... ./...
#
# Prints CPU seconds (user+sys), wall seconds and peak RSS for each tool,
# and the CPU ratio tempguard/noop.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(std)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/tempguard" ./cmd/tempguard
go build -o "$work/noop" ./internal/benchtool/noop

measure() { # tool -> "cpu wall maxrss_kib"
  local tool=$1 cache=$work/cache-$(basename "$1")
  mkdir -p "$cache"
  # Warm the compiled export data of every dependency (shared by both tools).
  GOCACHE=$cache go build "${pkgs[@]}" >/dev/null 2>&1 || true
  GOCACHE=$cache go vet -vettool="$work/noop" "${pkgs[@]}" >/dev/null 2>&1 || true
  rm -rf "$cache-vet" && cp -a "$cache" "$cache-vet"
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" \
    env GOCACHE=$cache-vet go vet -vettool="$tool" "${pkgs[@]}" >/dev/null 2>&1 || true
  read -r user sys wall rss < <(tail -n 1 "$work/time")
  echo "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $wall $rss"
}

# The noop tool's own vet results are in the warmed cache: measure it in a
# cache warmed by a different build of the same baseline.
cp "$work/noop" "$work/noop2"; echo >>"$work/noop2"   # same code, new tool ID
read -r ncpu nwall nrss < <(measure "$work/noop2")
read -r tcpu twall trss < <(measure "$work/tempguard")
printf "%-10s %10s %10s %12s\n" tool cpu_s wall_s maxrss_MiB
printf "%-10s %10s %10s %12s\n" noop "$ncpu" "$nwall" "$((nrss / 1024))"
printf "%-10s %10s %10s %12s\n" tempguard "$tcpu" "$twall" "$((trss / 1024))"
echo "cpu ratio tempguard/noop: $(awk -v t="$tcpu" -v n="$ncpu" 'BEGIN{printf "%.3f", t/n}')"
