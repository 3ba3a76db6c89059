#!/usr/bin/env bash
# A yusuan binary that carries gojieba's dictionaries, for copying to a
# machine without the Go module cache. The dictionaries are copied from the
# module cache at build time into internal/jiebadict/data (not committed)
# and embedded. Usage: scripts/build-portable.sh [OUT] (default ./yusuan)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-./yusuan}
(cd internal/jiebadict && go generate .)
# The revision it was built from, also where the toolchain records none
# (-buildvcs=false, a git worktree).
stamp=""
if rev=$(git rev-parse --short=12 HEAD 2>/dev/null); then
  git diff --quiet HEAD 2>/dev/null || rev="$rev+dirty"
  stamp="-X github.com/yusuan/yusuan.stamp=$rev"
fi
go build -tags yusuan_embeddict -ldflags "$stamp" -o "$out" ./cmd/yusuan
echo "built $out with the dictionaries inside"
