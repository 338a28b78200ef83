#!/usr/bin/env bash
# Times `aivm devnet` (the README's main job) on a warm build, N runs
# (default 3), and writes docs/bench/devnet.md. Run by `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${DEVNET_RUNS:-3}
go build -o bin/aivm ./cmd/aivm
bin/aivm devnet >/dev/null # warm the kernel build cache
rows=""
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  json=$(bin/aivm devnet --json | tail -n 1)
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  rows+=$(node -e '
    const s = JSON.parse(process.argv[1]); const w = Number(process.argv[2]);
    const ms = d => (d / 1e6).toFixed(0);
    const gas = Object.entries(s.GameGas).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ");
    console.log(`| ${process.argv[3]} | ${w.toFixed(2)} s | ${ms(s.Setup)} ms | ${s.Rounds.G ?? 0} / ${s.Rounds.V ?? 0} | ${s.Moves} | node ${s.DisputedNode}, step ${s.DisputedStep} | ${gas} | ${ms(s.Detection)} ms |`);
  ' "$json" "$wall" "$i")$'\n'
done
{
  echo "# aivm devnet"
  echo
  echo "Command: \`scripts/bench-devnet.sh\` (runs \`bin/aivm devnet --json\` $runs times after one warm-up run)."
  echo "Target: under 60 s on a warm build on the 2-core machine. Each run starts an in-process chain,"
  echo "deploys, builds (cached) and registers the fashion-mnist kernel, runs an honest request to"
  echo "finality and a lying submitter's request through a whole dispute to finality."
  echo
  echo "| run | wall time | setup | rounds G / V | game moves | decided at | game gas by party | detection latency |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  printf "%s" "$rows"
} > docs/bench/devnet.md
echo "wrote docs/bench/devnet.md"
