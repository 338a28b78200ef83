package evm_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/evm"
	"github.com/aivm-dev/aivm/vm/guests"
)

// BenchmarkGuestStepGas measures MIPS.step gas over sampled steps of every Go
// guest in testdata/guests and prints the figures of docs/bench/gas.md:
//
//	go test ./contracts/evm -run '^$' -bench BenchmarkGuestStepGas -benchtime 1x -v
//
// Gas is deterministic, so one iteration suffices; it is reported, never asserted.
func BenchmarkGuestStepGas(b *testing.B) {
	const samplesPerGuest = 1000
	h, err := evm.New()
	require.NoError(b, err)
	b.Logf("deployed code size: MIPS %d bytes, PreimageOracle %d bytes (EIP-170 limit 24,576)",
		h.CodeSize(evm.MIPSName), h.CodeSize(evm.PreimageOracleName))
	for b.Loop() {
		var all, tx []uint64
		b.Logf("%-12s %12s %8s %10s %8s %10s", "guest", "steps", "samples", "gas median", "gas max", "tx median")
		for _, name := range guests.List() {
			s := loadGuest(b, name)
			total := countSteps(b, s)
			steps := evm.SampleSteps(total, samplesPerGuest, 1)
			rep, err := h.CheckRun(context.Background(), s, nil, steps, localCtx, nil)
			require.NoError(b, err, name)
			require.Zero(b, rep.Mismatches, name)
			var g, t []uint64
			for _, r := range rep.Results {
				g, t = append(g, r.Gas), append(t, r.TxGas)
			}
			all, tx = append(all, g...), append(tx, t...)
			txMed, _ := evm.MedianMax(t)
			b.Logf("%-12s %12d %8d %10d %8d %10d", name, total, len(g), rep.GasMedian, rep.GasMax, txMed)
		}
		med, maxv := evm.MedianMax(all)
		txMed, txMax := evm.MedianMax(tx)
		b.Logf("ALL: %d sampled steps, execution gas median %d, max %d; whole step transaction median %d, max %d",
			len(all), med, maxv, txMed, txMax)
		b.ReportMetric(float64(med), "gas-median")
		b.ReportMetric(float64(maxv), "gas-max")
	}
}
