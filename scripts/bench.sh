#!/usr/bin/env bash
# Measures what tempguard costs, in one run, side by side:
#
#   noop       a do-nothing vet tool that declares a fact type, as tempguard
#              does, so the go command runs it on every dependency too
#   nofacts    the same without facts: only the named packages are analyzed
#              (a user's CI pays for facts on every dependency: this shows it)
#   tempguard  go vet -vettool=tempguard
#   go-vet     the default go vet
#   suite      tempguard-vet (what tempguard vet runs): go vet's default
#              analyzers and tempguard's in one vet tool
#
# Each measurement starts from a copy of one build cache in which every
# dependency's compiled export data is warm and no tool's vet results are,
# so each tool pays for parsing, type-checking and analysis and nothing is
# replayed. The tools run in a rotating order, REPEATS times (default 3),
# and the script prints the median CPU seconds (user+sys of the whole
# process tree), the spread, the median wall time and peak RSS, then the
# ratios tempguard/noop, tempguard/nofacts and suite/go-vet.
#
#   scripts/bench.sh                       # the standard library (many minutes)
#   REPEATS=5 scripts/bench.sh ./...       # any packages
#   BENCH_CACHE=/tmp/bc scripts/bench.sh   # warm (and keep) the base cache
#                                          # there, so a rerun skips compiling
#   TOOLS="noop tempguard" REPEATS=7 scripts/bench.sh
#                                          # some tools only, more repeats
#
# BENCH_CACHE only saves the warm-up: each measurement still starts from a
# copy of it, and the tools' vet results are never in it (a new build of a
# tool is a new tool ID to the go command).
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(std)
repeats=${REPEATS:-3}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/tempguard" ./cmd/tempguard
go build -o "$work/tempguard-vet" ./cmd/tempguard-vet
go build -o "$work/noop" ./internal/benchtool/noop
go build -o "$work/nofacts" ./internal/benchtool/nofacts
# The warm-up runs a copy of noop under another tool ID, so that its vet
# results in the cache are nobody's.
cp "$work/noop" "$work/warm"; echo >>"$work/warm"

base=${BENCH_CACHE:-$work/cache-base}
echo "warming the build cache for ${pkgs[*]} ..." >&2
GOCACHE=$base go build "${pkgs[@]}" >/dev/null 2>&1 || true
GOCACHE=$base go vet -vettool="$work/warm" "${pkgs[@]}" >/dev/null 2>&1 || true

read -r -a tools <<<"${TOOLS:-noop nofacts tempguard go-vet suite}"
command_for() {
  case $1 in
    noop | nofacts | tempguard) echo go vet -vettool="$work/$1" ;;
    go-vet) echo go vet ;;
    suite) echo "$work/tempguard-vet" ;;
  esac
}

measure() { # tool -> appends "cpu wall rss_kib" to $work/$tool.txt
  local tool=$1 cache=$work/cache-run
  rm -rf "$cache" && cp -a "$base" "$cache"
  # shellcheck disable=SC2046
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" \
    env GOCACHE="$cache" $(command_for "$tool") "${pkgs[@]}" >/dev/null 2>&1 || true
  read -r user sys wall rss < <(tail -n 1 "$work/time")
  echo "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $wall $rss" >>"$work/$tool.txt"
}

for ((r = 0; r < repeats; r++)); do
  for ((i = 0; i < ${#tools[@]}; i++)); do
    tool=${tools[$(((i + r) % ${#tools[@]}))]}
    echo "run $((r + 1))/$repeats: $tool" >&2
    measure "$tool"
  done
done

median() { sort -n | awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2 }'; }
col() { awk -v c="$2" '{print $c}' "$work/$1.txt"; }
declare -A cpu
printf "%-10s %8s %15s %8s %11s\n" tool cpu_s "cpu_min-max" wall_s maxrss_MiB
for tool in "${tools[@]}"; do
  cpu[$tool]=$(col "$tool" 1 | median)
  lo=$(col "$tool" 1 | sort -n | head -n1)
  hi=$(col "$tool" 1 | sort -n | tail -n1)
  printf "%-10s %8s %15s %8s %11s\n" "$tool" "${cpu[$tool]}" "$lo-$hi" "$(col "$tool" 2 | median)" \
    "$(($(col "$tool" 3 | median | cut -d. -f1) / 1024))"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a/b}'; }
echo "packages: ${pkgs[*]}; $repeats runs each; medians of CPU seconds (user+sys)"
show_ratio() { # label a b: when both tools ran
  [ -n "${cpu[$2]:-}" ] && [ -n "${cpu[$3]:-}" ] && echo "cpu ratio $1: $(ratio "${cpu[$2]}" "${cpu[$3]}")"
  return 0
}
show_ratio "tempguard/noop (both declare facts)" tempguard noop
show_ratio "tempguard/nofacts (fact-free baseline)" tempguard nofacts
show_ratio "suite/go-vet (tempguard-vet vs go vet)" suite go-vet
