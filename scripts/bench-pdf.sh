#!/usr/bin/env bash
# bench-pdf.sh: time the yusuan PDF extractor against `pdftotext -layout`
# over the same corpus PDFs, single-threaded, and print ms/page for both.
# Usage: scripts/bench-pdf.sh [corpus-dir]   (default: ../shared/corpus next to the repo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus}
[ -d "$corpus/raw" ] || { echo "corpus not found at $corpus" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext not on PATH (apt-get install poppler-utils)" >&2; exit 1; }

echo "== yusuan extract/pdf (GOMAXPROCS=1)"
ours=$(cd "$root" && GOMAXPROCS=1 go test -run '^$' -bench BenchmarkExtractCorpus -benchtime 5x ./extract/pdf | tee /dev/stderr |
	awk '/BenchmarkExtractCorpus/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ms/page") print $i }')

echo "== table reconstruction off / on (GOMAXPROCS=1)"
tabs=$(cd "$root" && GOMAXPROCS=1 go test -run '^$' -bench BenchmarkTablesCorpus -benchtime 5x ./extract/pdf | tee /dev/stderr |
	awk '/tables=off/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ms/page") off = $i }
	     /tables=on/  { for (i = 1; i <= NF; i++) if ($(i+1) == "ms/page") on = $i }
	     END { if (off > 0) printf "%s -> %s ms/page (+%.1f%%)", off, on, (on / off - 1) * 100 }')

echo "== pdftotext -layout"
mapfile -d '' files < <(find "$corpus/raw" -iname '*.pdf' -print0 | sort -z)
pages=0
for f in "${files[@]}"; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pages=$((pages + ${n:-0}))
done
runs=5
start=$(date +%s%N)
for ((r = 0; r < runs; r++)); do
	for f in "${files[@]}"; do pdftotext -layout "$f" /dev/null 2>/dev/null; done
done
end=$(date +%s%N)
theirs=$(awk -v ns=$((end - start)) -v p=$pages -v r=$runs 'BEGIN { printf "%.3f", ns / 1e6 / r / p }')
echo "files: ${#files[@]}, pages: $pages"
printf 'yusuan extract/pdf : %s ms/page\n' "$ours"
printf 'pdftotext -layout  : %s ms/page (includes process start-up per file)\n' "$theirs"
printf 'tables off -> on   : %s\n' "$tabs"
