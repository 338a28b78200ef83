#!/usr/bin/env bash
# Re-execution time and detection latency per executor (issue 15.4): go,
# simd and the OpenCL executor (pocl when no GPU is present), on
# tiny-llama (the real services on the simulated chain) and the 7B-shaped
# layer (`aivm model synth llama --preset 7b --layers 1 --seed 1`).
# Writes docs/bench/executors.md. AIVM_EXEC_BENCH_7B=DIR reuses a model
# synthesized with that command.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
rc=0
AIVM_EXEC_BENCH=1 AIVM_WRITE_BENCH=1 go test -count=1 -timeout 60m -run 'TestBenchExecutors$' -v ./e2e >"$log" 2>&1 || rc=$?
grep -E '^(--- |ok|FAIL)|executors_bench_test' "$log" || true
if [ "$rc" -ne 0 ]; then tail -50 "$log"; exit "$rc"; fi
echo "wrote docs/bench/executors.md"
