#!/usr/bin/env bash
# Soak benchmark of the services on anvil (issue 14.7): requests spread over
# a run with a service killed at random about every minute and one anvil
# restart with its state kept; writes docs/bench/soak.md. `make bench`
# runs it (10+ minutes). Needs anvil (make setup-npm) and node.
#
#   scripts/bench-soak.sh                      # 10 minutes, 200 requests
#   SOAK_DURATION=3m SOAK_REQUESTS=40 scripts/bench-soak.sh   # a smaller run
#
# SOAK_KILL_EVERY sets the mean time between kills (default 60s),
# SOAK_WINDOW the challenge window in seconds (default 30). Each service
# runs as its own `aivm submitter run` / `aivm challenger run` process
# (built once by the test); their logs are kept in the directory printed
# at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${SOAK_DURATION:-10m}
reqs=${SOAK_REQUESTS:-200}
kill_every=${SOAK_KILL_EVERY:-60s}
window=${SOAK_WINDOW:-30}
tmp=$(mktemp -d)
out=$tmp/soak.json
log=$tmp/test.log
go build -o "$tmp/aivm" ./cmd/aivm # the services' binary, built before the long run
go test -c -o "$tmp/e2e.test" ./e2e
start=$(date -u +%FT%TZ)
if ! AIVM_BIN="$tmp/aivm" AIVM_SOAK_OUT="$out" AIVM_SOAK_DURATION="$dur" AIVM_SOAK_REQUESTS="$reqs" AIVM_SOAK_KILL_EVERY="$kill_every" \
  AIVM_SOAK_WINDOW="$window" AIVM_SOAK_LOGS="$tmp/logs" \
  bash -c 'cd e2e && exec "$0" "$@"' "$tmp/e2e.test" -test.run '^TestAnvilSoakBench$' -test.count=1 -test.v -test.timeout 60m >"$log" 2>&1; then
  tail -n 60 "$log"
  [ -s "$out" ] || { echo "bench-soak: no report written" >&2; exit 1; }
  echo "bench-soak: the soak failed its checks; the report is written anyway" >&2
  failed=1
fi
mkdir -p docs/bench
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const [dur, reqs, killEvery, window, start, cpus] = process.argv.slice(2);
  const f = (x, d = 1) => Number(x).toFixed(d);
  const kills = {};
  for (const k of r.kills || []) kills[k] = (kills[k] || 0) + 1;
  const ok = r.unfinished === 0 && r.correct === r.finalized && r.lies_finalized === 0;
  const lines = [
    "# Soak: the services on anvil under faults",
    "",
    `Command: \`SOAK_DURATION=${dur} SOAK_REQUESTS=${reqs} SOAK_KILL_EVERY=${killEvery} SOAK_WINDOW=${window} scripts/bench-soak.sh\` ` +
      `(runs \`e2e.TestAnvilSoakBench\`), started ${start} on ${cpus} CPU(s).`,
    "",
    `Setup: anvil mining a block a second (the chain clock runs in real time; challenge window ${r.challenge_window_s} s, ` +
      "0 confirmations); one honest submitter, one lying submitter (`--lie-node`, listed on every 10th request, so it answers those first), " +
      "two challengers, each service its own `aivm submitter run` / `aivm challenger run` process; the requests spread over 80 % of the run; " +
      `a random service killed with SIGKILL and restarted from its duty db about every ${killEvery}; anvil stopped and restarted once ` +
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
    `| services that exited on their own (restarted) | ${(r.self_exits || []).length} |`,
    `| anvil restarts (state kept) | ${r.anvil_restarts} (down ${f(r.anvil_down_s)} s) |`,
    ...r.peak_rss.map((p) => `| peak RSS, ${p.name} | ${f(p.mib)} MiB |`),
    "",
    `Outcomes: ${r.finalized} of ${r.requests} finalized, ${r.correct} with the correct output; ` +
      `${r.lies_challenged} of ${r.lies} lies challenged; ${r.lies_finalized} lies finalized; ${r.unfinished} unfinished. ` +
      (ok ? "All correct, no lie finalized." : "**The soak FAILED its checks.**"),
    "",
    "Time to finality is from the request mined to its finalization seen (polled every 0.5 s): the challenge window, " +
      "plus a game where a lie was challenged, plus the waits a kill or the anvil restart caused. Peak RSS is the " +
      "VmHWM of each process from /proc, sampled every second and just before it is killed, the highest over its incarnations.",
  ];
  fs.writeFileSync("docs/bench/soak.md", lines.join("\n") + "\n");
' "$out" "$dur" "$reqs" "$kill_every" "$window" "$start" "$(nproc)"
echo "wrote docs/bench/soak.md; report, test log and service logs in $tmp"
[ -z "${failed:-}" ]
