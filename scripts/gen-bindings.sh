#!/usr/bin/env bash
# Regenerates contract artifacts (contracts/artifacts/*.json) and the Go
# bindings (contracts/bindings/bindings.go) from contracts/src. Both outputs are
# committed so that `go build ./...` never needs node; CI re-runs this script
# and fails on any drift.
set -euo pipefail
cd "$(dirname "$0")/.."
FORGE=node_modules/.bin/forge
"$FORGE" build --force --skip test >/dev/null
mkdir -p contracts/artifacts contracts/bindings
node scripts/extract-artifacts.js
go tool abigen --v2 --combined-json contracts/artifacts/combined.json \
  --pkg bindings --out contracts/bindings/bindings.go
gofmt -w contracts/bindings/bindings.go
echo "bindings: $(ls contracts/artifacts/*.json | grep -vc combined) contracts"
