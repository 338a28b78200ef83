package e2e

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/aivm-dev/aivm/contracts/bindings"
	"github.com/aivm-dev/aivm/contracts/market"
	"github.com/aivm-dev/aivm/e2e/devnet"
	"github.com/aivm-dev/aivm/models/gpu"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/testenv"
)

// TestServicesExecutorGPU (issue 15.2): a submitter whose native runs use
// the OpenCL executor (pocl in CI) and a challenger on the pure-Go
// reference serve one tiny-llama request. The submitter's posted logits
// are the reference's bit for bit, the challenger judges them right, and
// the device executor ran the nodes (its counters grew), so the option
// reached the services' re-execution.
func TestServicesExecutorGPU(t *testing.T) {
	prev := ops.Backend()
	require.NoError(t, ops.SetBackend(ops.BackendGo))
	t.Cleanup(func() { require.NoError(t, ops.SetBackend(prev)) })
	sel, err := gpu.Select(gpu.ExecGPU, 1)
	if errors.Is(err, gpu.ErrUnavailable) {
		testenv.Require(t, "an OpenCL device (Debian pocl-opencl-icd and ocl-icd-libopencl1, make setup)", err)
	}
	require.NoError(t, err)
	t.Cleanup(sel.Close)
	require.Equal(t, ops.BackendGo, ops.Backend(), "selecting gpu leaves the CPU backend alone")

	e := startNet(t, devnet.Options{Model: "tiny-llama"})
	inputs, ref, err := e.Sample(0)
	require.NoError(t, err)
	_, err = e.StartSubmitter(e.ctx, "submitter", devnet.ServiceOptions{Executor: sel.Prepare})
	require.NoError(t, err)
	var goRuns atomic.Int32
	ch, err := e.StartChallenger(e.ctx, "challenger", devnet.ServiceOptions{Executor: func(*graph.Model) (graph.Options, error) {
		goRuns.Add(1) // per kernel load
		return graph.Options{Workers: 1}, nil
	}})
	require.NoError(t, err)

	rc, err := e.Accounts["requester"].Tx.Send(e.ctx, e.Addr.Market, e.Market.PackRequest(e.KernelID, inputs, common.Address{}, 0, nil), e.fee)
	require.NoError(t, err)
	ev, err := e.Market.Requested(rc)
	require.NoError(t, err)
	id := ev.RequestId
	r := e.waitRequest(id, "result posted", func(r bindings.InferenceMarketRequest) bool { return r.Status == market.StatusSubmitted })
	require.Equal(t, e.addr("submitter"), r.Submitter)
	want, err := ref.Values[e.ResultSlots[0]].Encode()
	require.NoError(t, err)
	require.Equal(t, want, r.Candidate.Output, "the gpu-executed logits are the reference's")
	require.Equal(t, common.Hash(ref.States[len(ref.States)-1]), common.Hash(r.Candidate.FinalState), "S_n")

	e.poll("the challenger's verdict", func() (bool, error) {
		_, judged := ch.Challenger.Verdict(id.String())
		return judged, nil
	})
	agrees, _ := ch.Challenger.Verdict(id.String())
	require.True(t, agrees, "the go challenger judged the gpu result wrong")
	require.Positive(t, goRuns.Load(), "the challenger's kernel took the go executor's options")
	st := sel.Exec.Stats()
	require.NotEmpty(t, st.Device, "no node ran on the device")
	require.Positive(t, st.Device["matmul_acc"]+st.Device["fc"], "the matmuls ran on the device: %v", st.Device)
	select {
	case det := <-ch.Challenger.Detections:
		t.Fatalf("the challenger challenged the gpu result: %+v", det)
	default:
	}
	t.Logf("device %s: %v on the device, %v on the host", sel.Label, st.Device, st.Fallback)
}
