#!/usr/bin/env bash
# Regenerates docs/benchmarks.md: runs the Go benchmarks of every package that
# has them, keeps their raw output in docs/bench/raw/, and assembles the
# per-area write-ups (docs/bench/*.md, each naming the command behind every
# figure) into one report. BENCH_ASSEMBLE_ONLY=1 skips the runs and only
# re-assembles (for example while the machine is busy). Timings live here, never in pass/fail tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/bench/raw
pkgs=$(go list ./... | while read -r p; do
  d=$(go list -f '{{.Dir}}' "$p"); grep -lq '^func Benchmark' "$d"/*_test.go 2>/dev/null && echo "$p"; done || true)
# Micro-benchmarks (one step, one kernel call) need many iterations to mean
# anything; whole-run benchmarks (traces, gas over guests, kernel nodes) are
# one long run each.
micro="github.com/aivm-dev/aivm/mips github.com/aivm-dev/aivm/models/ops"
if [ -n "$pkgs" ] && [ -z "${BENCH_ASSEMBLE_ONLY:-}" ]; then
  : > docs/bench/raw/go-bench.txt
  for p in $pkgs; do
    bt="${BENCHTIME:-1x}"; case " $micro " in *" $p "*) bt="${BENCHTIME_MICRO:-2s}";; esac
    echo "==> go test -run '^\$' -bench . -benchtime=$bt $p"
    go test -run '^$' -bench . -benchmem -benchtime="$bt" -timeout 30m "$p" | tee -a docs/bench/raw/go-bench.txt
  done
fi
# Generated fragments: each script or test rewrites its own docs/bench/*.md.
if [ -z "${BENCH_ASSEMBLE_ONLY:-}" ]; then
  echo "==> scripts/dispute-gas.sh (DisputeGame gas per move and per dispute, forge)"
  bash scripts/dispute-gas.sh
  echo "==> a whole fashion-mnist dispute on chain (bisection)"
  AIVM_WRITE_BENCH=1 go test -count=1 -run 'TestOnchainLyingSubmitter$' ./bisection >/dev/null
  if grep -q 'func TestBenchServices' e2e/*_test.go 2>/dev/null; then
    echo "==> services: detection latency and dispute compute (e2e)"
    AIVM_WRITE_BENCH=1 go test -count=1 -run 'TestBenchServices$' ./e2e >/dev/null
  fi
  echo "==> BLS VRF check gas (contracts/vrf: BN254VRF.sol in the in-process EVM)"
  AIVM_WRITE_BENCH=1 go test -count=1 -run 'TestVRFGas$' ./contracts/vrf >/dev/null
  echo "==> a 64-token generation request: transaction gas with the real services (e2e)"
  AIVM_WRITE_BENCH=1 go test -count=1 -run 'TestGenerationGas64$' ./e2e >/dev/null
  echo "==> generation at the real 7B shape, one layer, natively (e2e; its log kept in docs/bench/raw/generation-7b.txt)"
  AIVM_BENCH_GEN7B=1 go test -count=1 -v -run 'TestGenerationSynth7BNative$' ./e2e | tee docs/bench/raw/generation-7b.txt
  echo "==> scripts/bench-vm-qemu.sh (the VM next to qemu-mips)"
  bash scripts/bench-vm-qemu.sh
  echo "==> scripts/bench-devnet.sh (aivm devnet wall time)"
  bash scripts/bench-devnet.sh
  echo "==> scripts/bench-soak.sh (10 minutes on anvil: 200 requests, kills, an anvil restart)"
  bash scripts/bench-soak.sh
  echo "==> scripts/bench-ops.sh (every int8 backend side by side: Go, SIMD, OpenCL, gonum)"
  bash scripts/bench-ops.sh
  echo "==> scripts/bench-executors.sh (re-execution and detection latency per executor: tiny-llama, the 7B-shaped layer)"
  bash scripts/bench-executors.sh
  echo "==> scripts/bench-llama7b.sh (LLaMA-7B-shaped nodes in the VM, a whole 7B-shaped dispute)"
  bash scripts/bench-llama7b.sh
  echo "==> scripts/bench-text-llama.sh (text-llama perplexity, continuations, full-retrain drift check)"
  bash scripts/bench-text-llama.sh
fi
{
  echo "# Benchmarks"
  echo
  echo "Measured figures with the command that produced each. Regenerate with \`make bench\`."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)."
  echo
  for f in docs/bench/*.md; do
    [ -e "$f" ] || continue
    # demote the fragment's headings one level (outside code blocks)
    awk '/^```/{c=!c} !c && /^#/{print "#" $0; next} {print}' "$f"; echo
  done
  if [ -s docs/bench/raw/go-bench.txt ]; then
    echo "## Raw Go benchmark output (last \`make bench\`)"
    echo; echo '```'; grep -E '^(Benchmark|pkg:|goos|goarch|cpu)' docs/bench/raw/go-bench.txt; echo '```'
  fi
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md"
