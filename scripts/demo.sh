#!/usr/bin/env bash
# The main job until `aivm devnet` exists: the VM demo. It cross-compiles stock
# Go programs for linux/mips, runs them in the AIVM VM next to qemu-mips, and
# checks sampled steps on MIPS.sol in an in-process EVM.
set -euo pipefail
cd "$(dirname "$0")/.."
AIVM=./bin/aivm
OUT=bin/guests
mkdir -p "$OUT"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

scripts/build-guests.sh "$OUT" hello matvec goroutines

step "run a stock Go 1.26 program (GC, goroutines, channels) in the VM"
$AIVM vm run --stats "$OUT/goroutines"

step "the same program under qemu-mips, as an independent reference"
if command -v qemu-mips >/dev/null; then qemu-mips "$OUT/goroutines" | tail -3; else echo "(qemu-mips not installed)"; fi

step "int8 matrix-vector guest: speed without witnesses"
$AIVM vm run --stats "$OUT/matvec" 20

step "execute 200 sampled steps of that run on MIPS.sol in go-ethereum's EVM"
$AIVM vm check --samples 200 "$OUT/matvec" 3

step "one step's witness, as the contract receives it"
$AIVM vm witness "$OUT/hello" --step 1000 | head -20
