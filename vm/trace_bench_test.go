package vm_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/stretchr/testify/require"
)

// BenchmarkTrace measures the snapshot interval trade-off (docs/bench/trace.md):
// for each guest and SnapshotEvery it builds a Trace once and reports the
// pass time (against a plain Run), the memory the snapshots hold, the
// latency of StateHash at random indices (each a restore plus a forward
// run) and the mean latency of a query in a bisection walk. It is a
// measurement, not a pass/fail test; run it with -benchtime 1x:
//
//	go test ./vm -run '^$' -bench Trace -benchtime 1x -v
func BenchmarkTrace(b *testing.B) {
	guestsArgs := []struct {
		name    string
		args    []string
		ballast int // MiB of untouched data added above the stack
		every   []uint64
	}{
		{"matvec", []string{"200"}, 0, []uint64{1 << 20, 4 << 20, 16 << 20}},
		{"gcpressure", nil, 0, []uint64{1 << 20, 4 << 20, 16 << 20}},
		// The corpus has no guest with hundreds of MB, so this one carries
		// 256 MiB the program never touches: restores and snapshots must
		// not cost in proportion to the guest's memory.
		{"matvec", []string{"200"}, 256, []uint64{4 << 20}},
	}
	for _, g := range guestsArgs {
		initial := loadGuest(b, g.name, g.args...)
		name := g.name
		if g.ballast > 0 {
			addBallast(initial.Memory, g.ballast)
			name = fmt.Sprintf("%s+%dMiB", g.name, g.ballast)
		}
		plain := initial.Copy()
		start := time.Now()
		err := mips.NewVM(plain, nil, nil, nil).Run(b.Context(), 1<<40)
		require.NoError(b, err)
		plainS := time.Since(start).Seconds()
		for _, every := range g.every {
			b.Run(fmt.Sprintf("%s/every=%dMi", name, every>>20), func(b *testing.B) {
				for range b.N {
					benchTrace(b, initial, every, plainS)
				}
			})
		}
	}
}

func benchTrace(b *testing.B, initial *mips.State, every uint64, plainS float64) {
	heapBefore := heapInUse()
	start := time.Now()
	tr, err := vm.NewTrace(b.Context(), initial, nil, vm.TraceOptions{SnapshotEvery: every})
	require.NoError(b, err)
	passS := time.Since(start).Seconds()
	heapMiB := float64(heapInUse()-heapBefore) / (1 << 20)

	rng := rand.New(rand.NewPCG(7, 7))
	// Descending, so that no query can start from an earlier one's state:
	// each restores a regular snapshot (the worst case for its index).
	var at []uint64
	for range 40 {
		at = append(at, rng.Uint64N(tr.Steps()))
	}
	slices.Sort(at)
	slices.Reverse(at)
	var random []time.Duration
	for _, i := range at {
		start := time.Now()
		_, err := tr.StateHash(i)
		require.NoError(b, err)
		random = append(random, time.Since(start))
	}
	slices.Sort(random)

	// Bisection walks: each query is the midpoint of the remaining
	// interval, the last one also asks for the witness.
	var queries int
	start = time.Now()
	for range 4 {
		lo := bisectWalk(rng, tr.Steps(), func(mid uint64) {
			_, err := tr.StateHash(mid)
			require.NoError(b, err)
			queries++
		})
		_, err := tr.Witness(lo)
		require.NoError(b, err)
		queries++
	}
	bisectMs := float64(time.Since(start).Microseconds()) / 1e3 / 4

	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }
	mean := time.Duration(0)
	for _, d := range random {
		mean += d
	}
	mean /= time.Duration(len(random))
	b.ReportMetric(float64(tr.Steps())/1e6, "Msteps")
	b.ReportMetric(passS, "pass-s")
	b.ReportMetric(plainS, "plain-run-s")
	b.ReportMetric(float64(tr.SnapshotBytes())/(1<<20), "snap-MiB")
	b.ReportMetric(float64(tr.GuestBytes())/(1<<20), "guest-MiB")
	b.ReportMetric(heapMiB, "heap-MiB")
	b.ReportMetric(ms(mean), "rand-ms-mean")
	b.ReportMetric(ms(random[len(random)/2]), "rand-ms-p50")
	b.ReportMetric(ms(random[len(random)*9/10]), "rand-ms-p90")
	b.ReportMetric(ms(random[len(random)-1]), "rand-ms-max")
	b.ReportMetric(bisectMs, "bisect-ms-per-walk")
	b.ReportMetric(bisectMs*4/float64(queries), "bisect-ms-per-query")
	b.Logf("%d steps, %d snapshots of every %d: pass %.2fs (plain %.2fs), snapshots %.1f MiB, guest %.1f MiB, heap %.1f MiB; random StateHash mean %.1f ms p50 %.1f p90 %.1f max %.1f; bisection %.0f ms per walk of %d queries",
		tr.Steps(), (tr.Steps()+every-1)/every, every, passS, plainS,
		float64(tr.SnapshotBytes())/(1<<20), float64(tr.GuestBytes())/(1<<20), heapMiB,
		ms(mean), ms(random[len(random)/2]), ms(random[len(random)*9/10]), ms(random[len(random)-1]),
		bisectMs, queries/4)
	runtime.KeepAlive(tr)
}

// addBallast fills mib MiB from 0x80000000 (above the stack, which no guest
// maps) with non-zero bytes, hashed before the trace starts.
func addBallast(m *mips.Memory, mib int) {
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i*131 + 7)
	}
	for k := range mib {
		m.SetBytes(0x80000000+uint32(k)<<20, chunk)
	}
	m.Root()
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}
