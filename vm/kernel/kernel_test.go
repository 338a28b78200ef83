package kernel_test

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/stretchr/testify/require"
)

// fullEnv runs every tiny-llama node instead of one per op kind.
const fullEnv = "AIVM_FULL"

var sessions sync.Map // model name -> *kernel.Session

// session runs a built-in model natively on test item 3 (once per process).
func session(t testing.TB, name string) *kernel.Session {
	t.Helper()
	if s, ok := sessions.Load(name); ok {
		return s.(*kernel.Session)
	}
	m, e, err := zoo.Resolve(name)
	require.NoError(t, err)
	smp, err := e.Sample(3)
	require.NoError(t, err)
	s, err := kernel.NewSession(t.Context(), m, smp.Inputs, nil)
	require.NoError(t, err)
	sessions.Store(name, s)
	return s
}

// nodesToCheck is every node of fashion-mnist; for the LLaMA models the
// first node of each op kind, or all nodes with AIVM_FULL=1.
func nodesToCheck(s *kernel.Session, name string) []int {
	var ks []int
	seen := map[string]bool{}
	for k := 1; k <= s.Nodes(); k++ {
		op := s.Exec.Model.Graph.Nodes[k-1].Op.String()
		if name == "fashion-mnist" || os.Getenv(fullEnv) == "1" || !seen[op] {
			ks = append(ks, k)
		}
		seen[op] = true
	}
	return ks
}

// run executes request (prev, claimed, k) of s in the VM.
func run(t *testing.T, s *kernel.Session, k int, claimed *[32]byte) (*kernel.Result, kernel.NodeInfo) {
	t.Helper()
	st, o, info, err := s.Prepare(k, claimed)
	require.NoError(t, err)
	res, err := kernel.Run(t.Context(), st, o, 0)
	require.NoError(t, err)
	return res, info
}

// TestNodes is the kernel's evidence: for each checked node the VM computes
// the native output commitment, exits 0 on the honest S_k and 1 on an S_k
// whose output tensor has one flipped bit (and still reports the honest
// S_k).
func TestNodes(t *testing.T) {
	for _, name := range []string{"fashion-mnist", "tiny-llama", "text-llama"} {
		s := session(t, name)
		ops := map[string]bool{}
		for _, k := range nodesToCheck(s, name) {
			res, info := run(t, s, k, nil)
			require.Equal(t, uint8(kernel.ExitValid), res.ExitCode, "%s node %d (%s): stderr %s", name, k, info.Op, res.Stderr)
			require.Equal(t, info.NativeCommit, res.Report.Output, "%s node %d (%s): VM output commitment", name, k, info.Op)
			require.Equal(t, info.Honest, res.Report.Expected)
			require.Equal(t, k, res.Report.K)
			require.Equal(t, info.Op, res.Report.Op)
			require.True(t, res.Report.Valid)
			require.Equal(t, byte(mips.StatusValid), res.FinalHash[0])
			ops[info.Op] = true

			bad, badCommit, err := s.FlipBit(k, 8*k+3)
			require.NoError(t, err)
			require.NotEqual(t, info.NativeCommit, badCommit)
			res, _ = run(t, s, k, (*[32]byte)(&bad))
			require.Equal(t, uint8(kernel.ExitInvalid), res.ExitCode, "%s node %d (%s) with a flipped bit: stderr %s", name, k, info.Op, res.Stderr)
			require.Equal(t, info.Honest, res.Report.Expected)
			require.Equal(t, info.NativeCommit, res.Report.Output)
			require.False(t, res.Report.Valid)
			require.Equal(t, byte(mips.StatusInvalid), res.FinalHash[0])
			t.Logf("%s node %d %s: %d steps, %d oracle steps (%.2f%%), fetch span %.1f%%", name, k, info.Op,
				res.Steps, res.OracleReadSteps+res.OracleKeySteps, 100*res.OracleShare(), 100*float64(res.FetchSteps)/float64(res.Steps))
		}
		if name == "tiny-llama" {
			require.Len(t, ops, 12, "every op kind of tiny-llama: %v", ops)
		}
		if name == "text-llama" {
			require.Len(t, ops, 13, "every op kind of text-llama, the sample node included: %v", ops)
		}
	}
}

// TestBadRequests: requests the guest must answer with exit 2, promptly.
func TestBadRequests(t *testing.T) {
	s := session(t, "fashion-mnist")
	tr := s.Trace
	n := s.Nodes()
	other := session(t, "tiny-llama")
	cases := []struct {
		name string
		prep func() (*mips.State, mips.PreimageOracle)
	}{
		{"k=0", func() (*mips.State, mips.PreimageOracle) {
			st, o, err := s.PrepareRequest(tr.States[0], tr.States[1], 0)
			require.NoError(t, err)
			return st, o
		}},
		{"k=n+1", func() (*mips.State, mips.PreimageOracle) {
			st, o, err := s.PrepareRequest(tr.States[n], tr.States[n], uint32(n+1))
			require.NoError(t, err)
			return st, o
		}},
		{"k=2^32-1", func() (*mips.State, mips.PreimageOracle) {
			st, o, err := s.PrepareRequest(tr.States[0], tr.States[1], ^uint32(0))
			require.NoError(t, err)
			return st, o
		}},
		{"slot already written (skipped node)", func() (*mips.State, mips.PreimageOracle) {
			st, o, err := s.PrepareRequest(tr.States[2], tr.States[2], 2)
			require.NoError(t, err)
			return st, o
		}},
		{"S_{k-1} of another model", func() (*mips.State, mips.PreimageOracle) {
			// The tiny-llama oracle serves its own states, but the kernel
			// is bound to fashion-mnist by argv.
			st, err := vm.LoadELF(s.ELF, kernel.Argv(s.Exec.Root), nil)
			require.NoError(t, err)
			o := other.Provider().WithLocal(kernel.LocalData(other.Trace.States[0], other.Trace.States[1], 1))
			return st, o
		}},
		{"short local datum", func() (*mips.State, mips.PreimageOracle) {
			st, o, err := s.PrepareRequest(tr.States[0], tr.States[1], 1)
			require.NoError(t, err)
			local := kernel.LocalData(tr.States[0], tr.States[1], 1)
			local[kernel.LocalKey(kernel.LocalNode)] = []byte{0, 0, 1}
			return st, o.WithLocal(local)
		}},
		{"S_{k-1} that is not a state pair", func() (*mips.State, mips.PreimageOracle) {
			// The node description's hash is a keccak preimage of the
			// wrong size.
			desc, err := s.Exec.Model.Graph.Nodes[0].Encode()
			require.NoError(t, err)
			st, o, err := s.PrepareRequest(merkle.Keccak(desc), tr.States[1], 1)
			require.NoError(t, err)
			return st, o
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, o := c.prep()
			res, err := kernel.Run(t.Context(), st, o, 50_000_000)
			require.NoError(t, err)
			require.Equal(t, uint8(kernel.ExitBadRequest), res.ExitCode, "stdout %s stderr %s", res.Stdout, res.Stderr)
			require.Equal(t, byte(mips.StatusPanic), res.FinalHash[0])
			require.Contains(t, string(res.Stderr), "invalid request")
			require.Nil(t, res.Report)
		})
	}
}

// A preimage the host lacks, or one that does not hash to its key, is a host
// error naming the key, raised by the provider; never a verdict or a hang.
func TestHostPreimageErrors(t *testing.T) {
	s := session(t, "fashion-mnist")
	const k = 2
	// Node 2's weight matrix: its commitment's key, and one of its chunks.
	w := s.Exec.Model.Weights[0]
	wc, err := w.Commit()
	require.NoError(t, err)
	enc, err := w.Encode()
	require.NoError(t, err)
	chunk := enc[5*1024 : 6*1024]
	for _, c := range []struct {
		name string
		key  [32]byte
	}{{"weights root", vm.KeccakKey(nil)}, {"weight chunk", vm.KeccakKey(chunk)}} {
		if c.name == "weights root" {
			c.key = [32]byte(wc)
			c.key[0] = mips.KeyTypeKeccak
		}
		t.Run("missing "+c.name, func(t *testing.T) {
			st, o, _, err := s.Prepare(k, nil)
			require.NoError(t, err)
			p := o.Clone()
			p.Delete(c.key)
			_, err = kernel.Run(t.Context(), st, p, 0)
			require.ErrorIs(t, err, kernel.ErrMissingPreimage)
			require.ErrorContains(t, err, "preimage")
		})
		t.Run("tampered "+c.name, func(t *testing.T) {
			st, o, _, err := s.Prepare(k, nil)
			require.NoError(t, err)
			p := o.Clone()
			v, err := p.GetPreimage(c.key)
			require.NoError(t, err)
			forged := append([]byte(nil), v...)
			forged[len(forged)-1] ^= 1
			p.Set(c.key, forged)
			_, err = p.GetPreimage(c.key)
			require.ErrorIs(t, err, kernel.ErrTamperedPreimage)
			_, err = kernel.Run(t.Context(), st, p, 0)
			require.ErrorIs(t, err, kernel.ErrTamperedPreimage)
		})
	}
	// Local keys: only the request's own.
	_, o, _, err := s.Prepare(k, nil)
	require.NoError(t, err)
	_, err = o.GetPreimage(kernel.LocalKey(4))
	require.ErrorIs(t, err, kernel.ErrMissingPreimage)
	v, err := o.GetPreimage(kernel.LocalKey(kernel.LocalNode))
	require.NoError(t, err)
	require.Equal(t, []byte{0, 0, 0, k}, v)
	_, err = o.GetPreimage([32]byte{3})
	require.ErrorIs(t, err, kernel.ErrMissingPreimage)
}

func TestInterface(t *testing.T) {
	root := [32]byte{0xab, 31: 0xcd}
	require.Equal(t, []string{"aivm-kernel", "0xab000000000000000000000000000000000000000000000000000000000000cd"}, kernel.Argv(root))
	require.Equal(t, [32]byte{0: 1, 31: 3}, kernel.LocalKey(3))
	require.Equal(t, vm.LocalKey(7), kernel.LocalKey(7))
	local := kernel.LocalData([32]byte{1}, [32]byte{2}, 0x01020304)
	require.Len(t, local, 3)
	require.Equal(t, []byte{1, 2, 3, 4}, local[kernel.LocalKey(kernel.LocalNode)])
	require.Equal(t, byte(1), local[kernel.LocalKey(kernel.LocalPrev)][0])
	require.Equal(t, byte(2), local[kernel.LocalKey(kernel.LocalClaimed)][0])

	r, err := kernel.ParseReport([]byte("noise\naivm-kernel k=3 op=fc out=0x" + hex64("11") + " sk=0x" + hex64("22") + " valid=true\n"))
	require.NoError(t, err)
	require.Equal(t, kernel.Report{K: 3, Op: "fc", Output: merkle.Hash(bytes.Repeat([]byte{0x11}, 32)), Expected: merkle.Hash(bytes.Repeat([]byte{0x22}, 32)), Valid: true}, *r)
	for _, bad := range []string{"", "aivm-kernel k=3", "aivm-kernel k=x op=fc out=0x00 sk=0x00 valid=true", "aivm-kernel k=3 op=fc out=0x" + hex64("11") + " sk=0x12 valid=true"} {
		_, err := kernel.ParseReport([]byte(bad))
		require.ErrorIs(t, err, kernel.ErrReport, bad)
	}
	require.Equal(t, "valid", kernel.Verdict(0))
	require.Equal(t, "invalid", kernel.Verdict(1))
	require.Equal(t, "bad-request", kernel.Verdict(2))
	require.Equal(t, "panic(255)", kernel.Verdict(255))
}

// hex64 repeats a byte's two hex digits 32 times, so hash = {b, ..., b}.
func hex64(b string) string { return strings.Repeat(b, 32) }

// A session's pre-state is the manifest's (build.go's Prestate): the
// absolute pre-state V_0 of phase V for the model.
func TestSessionPrestate(t *testing.T) {
	for _, name := range []string{"fashion-mnist", "tiny-llama"} {
		s := session(t, name)
		st, err := kernel.Prestate(s.ELF, s.Exec.Root.Hex())
		require.NoError(t, err)
		require.Equal(t, st.Hash(), s.PrestateHash(), name)
		require.Equal(t, byte(mips.StatusUnfinished), st.Hash()[0])
	}
	require.NotEqual(t, session(t, "fashion-mnist").PrestateHash(), session(t, "tiny-llama").PrestateHash(),
		"argv binds the model root into the pre-state")
}
