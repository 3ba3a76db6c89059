#!/usr/bin/env bash
# bench-batch.sh: memory and speed of `yusuan batch`.
#
#  1. Peak RSS (/usr/bin/time -v) of a batch of 10 and of N (default 1000)
#     documents into one XLSX, 2 workers: the corpus PDFs and HTML pages
#     repeated, each copy with a different trailing comment so no two share
#     a SHA-256 (batch would convert duplicates once). Target: the N-doc peak
#     within 1.5x of the 10-doc peak.
#  2. docs/s of the N-doc batch with 1 and with 2 workers.
#  3. The distinct corpus PDFs, one worker, against `pdftotext -layout` over
#     the same files: docs/s and pages/s for both. yusuan does more (layout,
#     tables, normalisation, validation, the workbook); pdftotext only text.
#
# Usage: scripts/bench-batch.sh [N] [corpus-dir]   (default: 1000, ../shared/corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
corpus=${2:-$root/../shared/corpus}
[ -d "$corpus/raw" ] || { echo "corpus not found at $corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext not on PATH (apt-get install poppler-utils)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/yusuan
(cd "$root" && go build -o "$bin" ./cmd/yusuan)

mapfile -d '' pdfs < <(find "$corpus/raw" -iname '*.pdf' -print0 | sort -z)
mapfile -d '' htmls < <(find "$corpus/raw" \( -iname '*.html' -o -iname '*.jsp' \) -print0 | sort -z)
src=("${pdfs[@]}" "${htmls[@]}")

# make_set DIR COUNT: COUNT inputs cycling through the corpus.
make_set() {
	local dir=$1 count=$2 i f base
	mkdir -p "$dir"
	for ((i = 0; i < count; i++)); do
		f=${src[i % ${#src[@]}]}
		base=$(basename "$f")
		cp "$f" "$dir/$(printf %04d "$i")-$base"
		# A comment at the end: HTML ignores it; a PDF gets it before a
		# second %%EOF (readers look for %%EOF, then startxref, backwards).
		case "$f" in
		*.pdf | *.PDF) printf '\n%%yusuan-bench %d\n%%%%EOF\n' "$i" >>"$dir/$(printf %04d "$i")-$base" ;;
		*) printf '\n<!-- yusuan-bench %d -->\n' "$i" >>"$dir/$(printf %04d "$i")-$base" ;;
		esac
	done
}

# run_batch LABEL WORKERS DIR: prints "peak_kb wall_seconds cpu_seconds",
# and on stderr how many files converted and failed.
run_batch() {
	local label=$1 workers=$2 dir=$3 out=$work/$1.xlsx
	rm -rf "$out" "$out".*
	/usr/bin/time -v -o "$work/$label.time" "$bin" batch --quiet --workers "$workers" -o "$out" "$dir" || true
	[ -s "$out" ] || { echo "$label: no output written" >&2; cat "$work/$label.time" >&2; exit 1; }
	local kb secs cpu
	kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$label.time")
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$label.time" |
		awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/$label.time")
	echo "$label: $(grep -c '"status":"ok"\|"status":"warnings"' "$out.journal.jsonl") converted," \
		"$(grep -c '"status":"failed"\|"status":"timeout"' "$out.journal.jsonl") failed" >&2
	echo "$kb $secs $cpu"
}

echo "== inputs: ${#pdfs[@]} PDFs and ${#htmls[@]} HTML pages from $corpus/raw, repeated"
make_set "$work/set10" 10
make_set "$work/setN" "$n"

read -r kb10 s10 c10 < <(run_batch b10 2 "$work/set10")
read -r kbN sN cN < <(run_batch bN 2 "$work/setN")
read -r kbN1 sN1 cN1 < <(run_batch bN1 1 "$work/setN")

echo
echo "== memory (2 workers, one XLSX)"
awk -v a="$kb10" -v b="$kbN" -v n="$n" 'BEGIN {
	printf "peak RSS, 10 docs   : %7.1f MiB\n", a / 1024
	printf "peak RSS, %d docs : %7.1f MiB\n", n, b / 1024
	r = b / a
	printf "ratio               : %.2fx (target <= 1.50x) %s\n", r, (r <= 1.5 ? "OK" : "OVER")
}'
echo
echo "== speed ($n docs, one XLSX, including start-up and the workbook; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
awk -v n="$n" -v s1="$sN1" -v s2="$sN" -v c1="$cN1" -v c2="$cN" 'BEGIN {
	printf "1 worker : %6.1f s wall  %6.1f docs/s  (%.1f CPU s, %.1f docs per CPU s)\n", s1, n / s1, c1, n / c1
	printf "2 workers: %6.1f s wall  %6.1f docs/s  (%.1f CPU s; %.2fx the 1-worker rate)\n", s2, n / s2, c2, s1 / s2
}'

echo
echo "== PDFs only, one worker, vs pdftotext -layout (sequential), same ${#pdfs[@]} files"
mkdir -p "$work/pdfs"
for f in "${pdfs[@]}"; do ln -s "$f" "$work/pdfs/"; done
pages=0
for f in "${pdfs[@]}"; do
	p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pages=$((pages + ${p:-0}))
done
read -r _ sy cy < <(run_batch pdf1 1 "$work/pdfs")
printf '#!/bin/sh\nfor f in "$@"; do pdftotext -layout "$f" /dev/null 2>/dev/null; done; exit 0\n' >"$work/p2t.sh"
/usr/bin/time -v -o "$work/p2t.time" sh "$work/p2t.sh" "${pdfs[@]}"
st=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/p2t.time" |
	awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
ct=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/p2t.time")
awk -v d="${#pdfs[@]}" -v p="$pages" -v sy="$sy" -v cy="$cy" -v st="$st" -v ct="$ct" 'BEGIN {
	printf "files %d, pages %d\n", d, p
	printf "yusuan batch      : %6.2f s wall  %7.1f docs/s  %7.1f pages/s;  %5.2f CPU s: %7.1f pages per CPU s  (incl. start-up, workbook)\n", sy, d / sy, p / sy, cy, p / cy
	printf "pdftotext -layout : %6.2f s wall  %7.1f docs/s  %7.1f pages/s;  %5.2f CPU s: %7.1f pages per CPU s  (one process per file)\n", st, d / st, p / st, ct, p / ct
}'
