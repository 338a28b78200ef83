#!/usr/bin/env bash
# Cross-compiles guest programs from testdata/guests for the VM
# (linux/mips, softfloat) into OUTDIR, in parallel: one place for the flags the
# demo and the inventory scripts share (Go tests use vm/guests.Build).
# Usage: build-guests.sh OUTDIR [NAME...]   (no names: every guest)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-guests.sh OUTDIR [NAME...]}
shift
mkdir -p "$out"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	for d in "$root"/testdata/guests/*/; do names+=("$(basename "$d")"); done
fi
pids=()
for n in "${names[@]}"; do
	(cd "$root" && GOOS=linux GOARCH=mips GOMIPS=softfloat CGO_ENABLED=0 \
		go build -trimpath -buildvcs=false -o "$out/$n" "./testdata/guests/$n") &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
