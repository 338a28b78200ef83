#!/usr/bin/env bash
# The VM next to qemu-mips on the same programs: builds the guests for
# linux/mips softfloat, runs each row RUNS times (default 3) under
# `aivm vm run --stats` and under qemu-mips (empty environment, as in the VM)
# with the same arguments, fails unless both give the same stdout and exit
# code, and writes docs/bench/vm-qemu.md (best wall time of each, and the
# ratio, taken side by side in one run). Run by `make bench`.
# Rows: int8 matvec; the GC-heavy guest at its test size, at the CI-sized long
# run (vm TestLongGCHeavyAgainstQEMU) and at the long run of over 5 G steps
# (LONG_ARGS, only here); many goroutines over channels and timers.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
matvec_arg=${MATVEC_ARG:-200}
long_args=${LONG_ARGS:-120 14 400}
command -v qemu-mips >/dev/null || { echo "bench-vm-qemu: qemu-mips missing (make setup-apt)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bash scripts/build-guests.sh "$tmp" matvec gcheavy chantimers
go build -o bin/aivm ./cmd/aivm
# label|guest|arguments
rows=(
  "matvec $matvec_arg|matvec|$matvec_arg"
  "gcheavy (test size)|gcheavy|"
  "gcheavy 16 13 100 (CI long run)|gcheavy|16 13 100"
  "gcheavy $long_args (long run)|gcheavy|$long_args"
  "chantimers (300 goroutines)|chantimers|"
)
best() { sort -n | head -1; }
now() { date +%s.%N; }
table=()
for row in "${rows[@]}"; do
  IFS='|' read -r label guest args <<<"$row"
  read -r -a argv <<<"$args"
  vm_times=(); q_times=(); steps=""
  for _ in $(seq 1 "$runs"); do
    s=$(now); set +e
    bin/aivm vm run --stats "$tmp/$guest" "${argv[@]}" >"$tmp/vm.out" 2>"$tmp/stats"; vm_code=$?
    set -e; e=$(now)
    vm_times+=("$(echo "$e - $s" | bc)")
    steps=$(tail -n 1 "$tmp/stats" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).steps))')
    s=$(now); set +e
    env -i qemu-mips "$tmp/$guest" "${argv[@]}" >"$tmp/q.out" 2>/dev/null; q_code=$?
    set -e; e=$(now)
    q_times+=("$(echo "$e - $s" | bc)")
    if [ "$vm_code" != "$q_code" ] || ! cmp -s "$tmp/vm.out" "$tmp/q.out"; then
      echo "bench-vm-qemu: $label: VM (exit $vm_code) and qemu (exit $q_code) differ:" >&2
      diff "$tmp/vm.out" "$tmp/q.out" >&2 || true
      exit 1
    fi
  done
  vm=$(printf "%s\n" "${vm_times[@]}" | best); q=$(printf "%s\n" "${q_times[@]}" | best)
  table+=("$(node -e '
    const [steps, vm, q, label, code] = [Number(process.argv[1]), Number(process.argv[2]), Number(process.argv[3]), process.argv[4], process.argv[5]];
    console.log(`| ${label} | ${steps.toLocaleString("en-US")} | ${vm.toFixed(3)} s | ${q.toFixed(3)} s | ${(steps / vm / 1e6).toFixed(0)} M | ${(vm / q).toFixed(1)}× | yes, exit ${code} |`);
  ' "$steps" "$vm" "$q" "$label" "$vm_code")")
  echo "bench-vm-qemu: $label: $steps steps, VM ${vm}s, qemu ${q}s"
done
{
  echo "# The VM next to qemu-mips"
  echo
  echo "Command: \`scripts/bench-vm-qemu.sh\` (best of $runs interleaved runs per row, whole process wall time; qemu-mips with an empty environment, as the VM's guest has)."
  echo "qemu-user is a JIT that proves nothing; the VM runs the same instructions with Merkleized memory and a provable state."
  echo "The script fails unless the VM and qemu print the same stdout and exit with the same code on every run."
  echo "Guests: \`testdata/guests/\`: matvec (int8 matrix-vector products); gcheavy (binary trees with forced collections, finalizers, \`debug.FreeOSMemory\`, churned 64 KiB slices: the scavenger's \`madvise(MADV_DONTNEED)\` ranges must read as zero, docs/protocol.md 1.8; arguments ROUNDS DEPTH CHURN, the test size is 8 12 60); chantimers (goroutines over channels, timers, a ticker, AfterFunc, a context deadline)."
  echo
  echo "| program | VM steps | aivm vm run | qemu-mips | VM steps/s (whole process) | qemu / VM speed | same stdout and exit code |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  printf "%s\n" "${table[@]}"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(qemu-mips --version | head -1)."
} > docs/bench/vm-qemu.md
echo "wrote docs/bench/vm-qemu.md"
