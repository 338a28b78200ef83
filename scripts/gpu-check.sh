#!/usr/bin/env bash
# GPU check (issue 15.2): on a machine with an OpenCL device (an NVIDIA GPU
# through NVIDIA's OpenCL driver; pocl on a CPU-only machine, labelled as
# such) run the bit-exactness suite of models/gpu and the throughput
# benchmarks, and print one JSON line:
#   device, gpu, pocl, bit_exact, copy_gb_s (measured device copy, read +
#   written), matvec_4096x11008_gb_s (weight bytes read per second, best
#   kernel variant), matvec_vs_copy, hbm_nominal_gb_s and matvec_vs_hbm
#   (H100/H200 by name, else null), step_layers, step_ms (one Forward step
#   of the synthetic 7B-shaped model) and step_ms_per_token_32l (the
#   32-layer figure: measured when LAYERS=32, else null).
# Needs Go to build the test binary unless GPU_TEST_BIN names one built
# elsewhere (go test -c -o bin/gpu.test ./models/gpu; CGO_ENABLED=0, static).
# Env: LAYERS (default 1; 32 for the full model, 6.7 GB), BENCHTIME (5x).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GPU_TEST_BIN:-bin/gpu.test}
if [ -z "${GPU_TEST_BIN:-}" ]; then
  mkdir -p bin
  CGO_ENABLED=0 go test -c -o "$bin" ./models/gpu
fi
layers=${LAYERS:-1}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bit_exact=true
# CI=true: a missing OpenCL device fails instead of skipping.
if ! CI=true "$bin" -test.count=1 -test.v >"$log" 2>&1; then
  bit_exact=false
  grep -E -- '--- FAIL|Error' "$log" | head -20 >&2 || true
fi
device=$(sed -n 's/.*device: \(.*\) (.*driver.*/\1/p' "$log" | head -1)
bench=$(AIVM_GPU_BENCH_LAYERS=$layers CI=true "$bin" -test.run '^$' -test.bench 'Copy|MatVec4096x11008|Step7B' \
  -test.benchtime "${BENCHTIME:-5x}" -test.count=1 2>&1) || { echo "$bench" >&2; exit 1; }
echo "$bench" >&2
metric() { # benchmark-name-regex unit -> best value
  echo "$bench" | awk -v re="$1" -v unit="$2" '$1 ~ re { for (i = 2; i < NF; i++) if ($(i+1) == unit) print $i }' |
    sort -g | { if [ "$2" = ms/token ]; then head -1; else tail -1; fi; }
}
copy=$(metric '^BenchmarkCopy' GB/s)
mv=$(metric '^BenchmarkMatVec4096x11008' GB/s)
step=$(metric '^BenchmarkStep7B' ms/token)
name=$(echo "$device" | tr 'A-Z' 'a-z')
hbm=null
case "$name" in
  *h200*) hbm=4800 ;;
  *h100*pcie*) hbm=2000 ;;
  *h100*) hbm=3350 ;;
esac
gpu=false; pocl=false
case "$device" in GPU:*) gpu=true ;; pocl*) pocl=true ;; esac
python3 - "$device" "$gpu" "$pocl" "$bit_exact" "$copy" "$mv" "$hbm" "$layers" "$step" <<'PY'
import json, sys
dev, gpu, pocl, ok, copy, mv, hbm, layers, step = sys.argv[1:]
f = lambda s: float(s) if s not in ("", "null") else None
copy, mv, hbm, step, layers = f(copy), f(mv), f(hbm), f(step), int(layers)
out = {"device": dev, "gpu": gpu == "true", "pocl": pocl == "true", "bit_exact": ok == "true",
       "copy_gb_s": copy, "matvec_4096x11008_gb_s": mv,
       "matvec_vs_copy": round(mv / copy, 3) if mv and copy else None,
       "hbm_nominal_gb_s": hbm, "matvec_vs_hbm": round(mv / hbm, 3) if mv and hbm else None,
       "step_layers": layers, "step_ms": step,
       "step_ms_per_token_32l": step if layers == 32 else None}
print(json.dumps(out))
PY
