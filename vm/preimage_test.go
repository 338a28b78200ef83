package vm_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aivm-dev/aivm/mips"
	"github.com/aivm-dev/aivm/vm"
	"github.com/stretchr/testify/require"
)

// TestPreimageGuest runs a stock Go program that reads a preimage through
// os.File on fds 6 and 5, then re-proves every oracle step of the run with a
// witness and the stateless verifier.
func TestPreimageGuest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "preimage")
	cmd := exec.Command("go", "build", "-o", out, "./testdata/preimage")
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=mips", "GOMIPS=softfloat", "CGO_ENABLED=0")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	elf, err := os.ReadFile(out)
	require.NoError(t, err)

	value := bytes.Repeat([]byte("weights!"), 129) // 1032 bytes
	oracle := vm.MapOracle{}
	key := oracle.AddKeccak(value)
	args := []string{"preimage", hex.EncodeToString(key[:])}

	s, err := vm.LoadELF(elf, args, nil)
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	m := mips.NewVM(s, oracle, &stdout, &stderr)
	// Record the steps that touch the oracle.
	var oracleSteps []uint64
	m.OnSyscall(func(e mips.SyscallEvent) {
		if (e.Num == mips.SysRead && e.A0 == mips.FdPreimageRead) || (e.Num == mips.SysWrite && e.A0 == mips.FdPreimageWrite) {
			oracleSteps = append(oracleSteps, e.Step)
		}
	})
	require.NoError(t, m.Run(t.Context(), 100_000_000))
	require.Equal(t, 0, int(s.ExitCode), "stderr: %s", stderr.String())
	require.Equal(t, fmt.Sprintf("len=1032 sha256=%x\n", sha256.Sum256(value)), stdout.String())
	// Each step moves up to the end of a 32-byte leaf (1.9): 1-2 key writes,
	// 1-2 length reads, 33-34 data reads (1032 bytes) and 1 EOF read.
	require.GreaterOrEqual(t, len(oracleSteps), 1+1+33+1)
	require.LessOrEqual(t, len(oracleSteps), 2+2+34+1)

	// Re-run, stopping at a few oracle steps to prove them statelessly.
	for _, at := range []uint64{oracleSteps[0], oracleSteps[9], oracleSteps[len(oracleSteps)/2], oracleSteps[len(oracleSteps)-1]} {
		s2, err := vm.LoadELF(elf, args, nil)
		require.NoError(t, err)
		m2 := mips.NewVM(s2, oracle, nil, nil)
		require.ErrorIs(t, m2.Run(t.Context(), at), mips.ErrStepLimit)
		w, err := m2.Step(true)
		require.NoError(t, err)
		post, err := mips.VerifyStep(w)
		require.NoError(t, err)
		require.Equal(t, s2.Hash(), post)
	}
}
