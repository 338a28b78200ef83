package kernel_test

import (
	"errors"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/stretchr/testify/require"
)

// TestWitnessSizes measures real step witnesses (compact memory proofs,
// docs/protocol.md 1.11) on model nodes: every node of fashion-mnist and
// tiny-llama's first node of each op kind, witnessing 2,000 steps out of
// every 50,000 until the node exits. It logs, per number of memory proofs,
// the witness sizes (min / mean / max) and the most explicit siblings in
// one proof; run with -v to see them. Every witness is checked with
// mips.VerifyStep (it must verify to the post-state the VM reached) and
// against the size bound the log reports: never larger than the full form
// of its number of memory proofs.
func TestWitnessSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	type agg struct {
		n, sum, min, max, maxSibs int
	}
	for _, name := range []string{"fashion-mnist", "tiny-llama"} {
		s := session(t, name)
		var stats [4]agg
		for _, k := range nodesToCheck(s, name) {
			st, o, _, err := s.Prepare(k, nil)
			require.NoError(t, err)
			m := mips.NewVM(st, o, nil, nil)
			for !st.Exited {
				for i := 0; i < 2000 && !st.Exited; i++ {
					w, err := m.Step(true)
					require.NoError(t, err)
					post, err := mips.VerifyStep(w)
					require.NoError(t, err, "%s node %d: the witness verifies", name, k)
					require.Equal(t, st.Hash(), post, "%s node %d: the witness verifies to the VM's post-state", name, k)
					if len(w.Proof) < mips.ThreadProofSize {
						continue
					}
					raw := w.Proof[mips.ThreadProofSize:]
					ps, err := mips.SplitProofs(raw)
					require.NoError(t, err)
					a := &stats[len(ps)]
					sz := w.Size()
					require.LessOrEqual(t, sz, fullSize(len(ps)), "%s node %d: a witness with %d memory proofs", name, k, len(ps))
					if a.n == 0 || sz < a.min {
						a.min = sz
					}
					a.n, a.sum, a.max = a.n+1, a.sum+sz, max(a.max, sz)
					for len(raw) > 0 {
						n, err := mips.CompactProofLen(raw)
						require.NoError(t, err)
						a.maxSibs = max(a.maxSibs, (n-mips.CompactProofHead)/32)
						raw = raw[n:]
					}
				}
				if err := m.Run(t.Context(), 50_000); err != nil && !errors.Is(err, mips.ErrStepLimit) {
					require.NoError(t, err)
				}
			}
		}
		for p, a := range stats {
			if a.n == 0 {
				continue
			}
			t.Logf("%s: %d memory proofs: %d witnesses, size min %d / mean %d / max %d B, at most %d explicit siblings in a proof (full form: %d B)",
				name, p, a.n, a.min, a.sum/a.n, a.max, a.maxSibs, fullSize(p))
		}
		require.Positive(t, stats[1].n+stats[2].n+stats[3].n, "%s: no witness with a memory proof was measured", name)
	}
}

// fullSize is the size bound of a step witness with p memory proofs: the
// state, the thread proof and p memory proofs in full form (compact proofs
// only drop empty-subtree siblings).
func fullSize(p int) int { return mips.StateSize + mips.ThreadProofSize + p*mips.ProofSize }
