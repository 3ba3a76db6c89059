#!/usr/bin/env bash
# A yusuan binary that carries gojieba's dictionaries, for copying to a
# machine without the Go module cache. The dictionaries are copied from the
# module cache at build time into internal/jiebadict/data (not committed)
# and embedded. Usage: scripts/build-portable.sh [OUT] (default ./yusuan)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-./yusuan}
(cd internal/jiebadict && go generate .)
go build -tags yusuan_embeddict -o "$out" ./cmd/yusuan
echo "built $out with the dictionaries inside"
