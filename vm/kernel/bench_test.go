package kernel_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/aivm-dev/aivm/vm/kernel"
	"github.com/stretchr/testify/require"
)

// BenchmarkKernelNode runs one node's kernel in the VM (honest claim, no
// witnesses): every fashion-mnist node and the first tiny-llama node of each
// op kind (all nodes with AIVM_FULL=1). Besides ns/op (the VM's wall time)
// it reports steps, oracle syscall steps and their share, and the fetch span
// (first to last oracle syscall: fetching and decoding the inputs) as a
// share of the steps.
func BenchmarkKernelNode(b *testing.B) {
	for _, name := range []string{"fashion-mnist", "tiny-llama"} {
		s := session(b, name)
		for _, k := range nodesToCheck(s, name) {
			op := s.Exec.Model.Graph.Nodes[k-1].Op.String()
			b.Run(name+"/k="+strconv.Itoa(k)+"-"+op, func(b *testing.B) {
				benchNode(b, s, k)
			})
		}
	}
}

func benchNode(b *testing.B, s *kernel.Session, k int) {
	var res *kernel.Result
	for b.Loop() {
		b.StopTimer()
		st, o, _, err := s.Prepare(k, nil)
		require.NoError(b, err)
		b.StartTimer()
		res, err = kernel.Run(context.Background(), st, o, 0)
		require.NoError(b, err)
		require.Equal(b, uint8(kernel.ExitValid), res.ExitCode)
	}
	b.ReportMetric(float64(res.Steps), "steps")
	b.ReportMetric(float64(res.OracleReadSteps+res.OracleKeySteps), "oracle-steps")
	b.ReportMetric(100*res.OracleShare(), "oracle-%")
	b.ReportMetric(100*float64(res.FetchSteps)/float64(res.Steps), "fetch-%")
	b.ReportMetric(float64(res.Steps)/b.Elapsed().Seconds()*float64(b.N)/1e6, "Msteps/s")
}

// BenchmarkGuestStream compares ways for the guest to drive the oracle
// syscalls, on fashion-mnist node 2 (a 200 KB weight matrix): the kernel's
// assembly loop, syscall.RawSyscall, syscall.Syscall (entersyscall and
// exitsyscall around every call) and os.File on fds 6/5. The variants are
// the guest built with the build tags of sys_alt.go.
func BenchmarkGuestStream(b *testing.B) {
	m, e, err := zoo.Resolve("fashion-mnist")
	require.NoError(b, err)
	smp, err := e.Sample(3)
	require.NoError(b, err)
	root, err := kernel.ModuleRoot()
	require.NoError(b, err)
	for _, tag := range []string{"", "aivm_rawsyscall", "aivm_syscall", "aivm_osfile"} {
		name := tag
		if name == "" {
			name = "asm"
		}
		b.Run(name, func(b *testing.B) {
			elf := filepath.Join(b.TempDir(), "kernel")
			args := append(append([]string{"build", "-tags", tag}, kernel.GuestBuildFlags...), "-o", elf, "./vm/kernel/guest")
			cmd := exec.Command("go", args...)
			cmd.Dir = root
			cmd.Env = append(append(os.Environ(), kernel.GuestBuildEnv...), "GOFLAGS=")
			out, err := cmd.CombinedOutput()
			require.NoError(b, err, "%s", out)
			bin, err := os.ReadFile(elf)
			require.NoError(b, err)
			s, err := kernel.NewSession(b.Context(), m, smp.Inputs, bin)
			require.NoError(b, err)
			benchNode(b, s, 2)
		})
	}
}
