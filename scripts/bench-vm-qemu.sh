#!/usr/bin/env bash
# The VM next to qemu-mips on the same program: builds the int8 matvec guest
# for linux/mips softfloat, runs it RUNS times (default 3) under
# `aivm vm run --stats` and under qemu-mips with the same arguments, and
# writes docs/bench/vm-qemu.md (best wall time of each, and the ratio, taken
# side by side in one run). Run by `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
arg=${MATVEC_ARG:-200}
command -v qemu-mips >/dev/null || { echo "bench-vm-qemu: qemu-mips missing (make setup-apt)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
GOOS=linux GOARCH=mips GOMIPS=softfloat CGO_ENABLED=0 go build -o "$tmp/matvec" ./testdata/guests/matvec
go build -o bin/aivm ./cmd/aivm
best() { sort -n | head -1; }
vm_times=(); q_times=(); steps=""
for _ in $(seq 1 "$runs"); do
  s=$(date +%s.%N); bin/aivm vm run --stats "$tmp/matvec" "$arg" >/dev/null 2>"$tmp/stats"; e=$(date +%s.%N)
  vm_times+=("$(echo "$e - $s" | bc)")
  steps=$(tail -n 1 "$tmp/stats" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).steps))')
  s=$(date +%s.%N); qemu-mips "$tmp/matvec" "$arg" >/dev/null; e=$(date +%s.%N)
  q_times+=("$(echo "$e - $s" | bc)")
done
vm=$(printf "%s\n" "${vm_times[@]}" | best); q=$(printf "%s\n" "${q_times[@]}" | best)
{
  echo "# The VM next to qemu-mips"
  echo
  echo "Command: \`scripts/bench-vm-qemu.sh\` (int8 matvec guest, argument $arg, best of $runs interleaved runs, whole process wall time)."
  echo "qemu-user is a JIT that proves nothing; the VM runs the same instructions with Merkleized memory and a provable state."
  echo
  echo "| program | VM steps | aivm vm run | qemu-mips | VM steps/s (whole process) | qemu / VM speed |"
  echo "| --- | --- | --- | --- | --- | --- |"
  node -e '
    const [steps, vm, q] = [Number(process.argv[1]), Number(process.argv[2]), Number(process.argv[3])];
    console.log(`| matvec ${process.argv[4]} | ${steps.toLocaleString("en-US")} | ${vm.toFixed(3)} s | ${q.toFixed(3)} s | ${(steps / vm / 1e6).toFixed(0)} M | ${(vm / q).toFixed(1)}× |`);
  ' "$steps" "$vm" "$q" "$arg"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(qemu-mips --version | head -1)."
} > docs/bench/vm-qemu.md
echo "wrote docs/bench/vm-qemu.md"
