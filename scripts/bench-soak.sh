#!/usr/bin/env bash
# Soak benchmark of the services on anvil (issue 14.7): requests spread over
# a run with a service killed at random about every minute and one anvil
# restart with its state kept; writes docs/bench/soak.md. Not part of
# `make bench` (10+ minutes). Needs anvil (make setup-npm) and node.
#
#   scripts/bench-soak.sh                      # 10 minutes, 200 requests
#   SOAK_DURATION=3m SOAK_REQUESTS=40 scripts/bench-soak.sh   # a smaller run
#
# SOAK_KILL_EVERY sets the mean time between kills (default 60s).
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${SOAK_DURATION:-10m}
reqs=${SOAK_REQUESTS:-200}
kill_every=${SOAK_KILL_EVERY:-60s}
out=$(mktemp -d)/soak.json
log=$(mktemp)
start=$(date -u +%FT%TZ)
if ! AIVM_SOAK_OUT="$out" AIVM_SOAK_DURATION="$dur" AIVM_SOAK_REQUESTS="$reqs" AIVM_SOAK_KILL_EVERY="$kill_every" \
  go test ./e2e -run '^TestAnvilSoakBench$' -count=1 -v -timeout 60m >"$log" 2>&1; then
  tail -n 60 "$log"
  [ -s "$out" ] || { echo "bench-soak: no report written" >&2; exit 1; }
  echo "bench-soak: the soak failed its checks; the report is written anyway" >&2
  failed=1
fi
mkdir -p docs/bench
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const [dur, reqs, killEvery, start, cpus] = process.argv.slice(2);
  const f = (x, d = 1) => Number(x).toFixed(d);
  const kills = {};
  for (const k of r.kills || []) kills[k] = (kills[k] || 0) + 1;
  const ok = r.unfinished === 0 && r.correct === r.finalized && r.lies_finalized === 0;
  const lines = [
    "# Soak: the services on anvil under faults",
    "",
    `Command: \`SOAK_DURATION=${dur} SOAK_REQUESTS=${reqs} SOAK_KILL_EVERY=${killEvery} scripts/bench-soak.sh\` ` +
      `(runs \`e2e.TestAnvilSoakBench\`), started ${start} on ${cpus} CPU(s).`,
    "",
    `Setup: anvil mining a block a second (the chain clock runs in real time; challenge window ${r.challenge_window_s} s, ` +
      "0 confirmations); one honest submitter, one lying submitter (listed on every 10th request, so it answers those first), " +
      "two challengers, all in one process; the requests spread over 80 % of the run; " +
      `a random service killed and restarted from its duty db about every ${killEvery}; anvil stopped and restarted once ` +
      "with its state kept, half way.",
    "",
    "| figure | value |",
    "| --- | --- |",
    `| requests (lies among them) | ${r.requests} (${r.lies}) |`,
    `| wall time, first request to last finality | ${f(r.duration_s / 60, 2)} min |`,
    `| requests finalized per minute | ${f(r.requests_per_minute, 2)} |`,
    `| time to finality p50 / p99 / max | ${f(r.finality_p50_s)} s / ${f(r.finality_p99_s)} s / ${f(r.finality_max_s)} s |`,
    `| gas per request (all gas mined during the run / requests) | ${r.gas_per_request.toLocaleString("en-US")} |`,
    `| gas in all, blocks | ${r.gas_total.toLocaleString("en-US")}, ${r.blocks} |`,
    `| service kills | ${(r.kills || []).length} (${Object.entries(kills).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}) |`,
    `| anvil restarts (state kept) | ${r.anvil_restarts} |`,
    ...Object.entries(r.peak_rss_mib).map(([k, v]) => `| peak RSS, ${k} | ${f(v)} MiB |`),
    "",
    `Outcomes: ${r.finalized} of ${r.requests} finalized, ${r.correct} with the correct output; ` +
      `${r.lies_challenged} of ${r.lies} lies challenged; ${r.lies_finalized} lies finalized; ${r.unfinished} unfinished. ` +
      (ok ? "All correct, no lie finalized." : "**The soak FAILED its checks.**"),
    "",
    "Time to finality is from the request mined to its finalization seen (polled every 0.5 s): the challenge window, " +
      "plus a game where a lie was challenged, plus the waits a kill or the anvil restart caused. The services share one " +
      "process, so their peak RSS is one figure (the process also runs the requester and the checks); the anvil RSS is sampled every 2 s.",
  ];
  fs.writeFileSync("docs/bench/soak.md", lines.join("\n") + "\n");
' "$out" "$dur" "$reqs" "$kill_every" "$start" "$(nproc)"
echo "wrote docs/bench/soak.md"
[ -z "${failed:-}" ]
