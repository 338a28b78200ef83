package market

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// ResultFromTrace is the result a party with trace tr posts for a request
// whose output slot is outputSlot: the slot's tensor and commitment, S_n,
// the activations root of S_n and the slot's Merkle path in it, which is
// what InferenceMarket._checkResult verifies.
func ResultFromTrace(tr *graph.Trace, outputSlot int) (Result, error) {
	if outputSlot < tr.NumInputs || outputSlot >= len(tr.SlotCommits) {
		return Result{}, fmt.Errorf("market: output slot %d is not a node slot (inputs %d, slots %d)",
			outputSlot, tr.NumInputs, len(tr.SlotCommits))
	}
	n := len(tr.States) - 1
	enc, err := tr.Values[outputSlot].Encode()
	if err != nil {
		return Result{}, fmt.Errorf("market: encode output: %w", err)
	}
	act, err := tr.ActivationsRoot(n)
	if err != nil {
		return Result{}, err
	}
	commit, path, err := tr.SlotProof(n, outputSlot)
	if err != nil {
		return Result{}, err
	}
	ps := make([]common.Hash, len(path))
	for i, h := range path {
		ps[i] = common.Hash(h)
	}
	return Result{Output: enc, OutputCommitment: common.Hash(commit), FinalState: common.Hash(tr.States[n]),
		ActivationsRoot: common.Hash(act), SlotPath: ps}, nil
}

// Tamper returns a copy of tr in which node k's output tensor has data bit
// `bit` flipped (modulo its size) and every state from S_k on recomputed:
// the trace of a submitter with one wrong intermediate value, consistent
// in itself from node k on. Later node values are left as tr computed them
// (the fault does not propagate), so the first wrong state is S_k, where
// the dispute must land. The tests and the devnet's lying submitter use it.
func Tamper(tr *graph.Trace, k, bit int) (*graph.Trace, error) {
	n := len(tr.States) - 1
	if k < 1 || k > n {
		return nil, fmt.Errorf("market: tamper node %d outside [1,%d]", k, n)
	}
	slot := tr.NumInputs + k - 1
	enc, err := tr.Values[slot].Encode()
	if err != nil {
		return nil, err
	}
	hdr, err := tensor.DecodeHeader(enc)
	if err != nil {
		return nil, err
	}
	if hdr.Data == 0 {
		return nil, fmt.Errorf("market: node %d output has no data bits", k)
	}
	bit %= 8 * hdr.Data
	if bit < 0 {
		bit += 8 * hdr.Data
	}
	enc[hdr.Size+bit/8] ^= 1 << (bit % 8)
	bad, err := tensor.Decode(enc)
	if err != nil {
		return nil, err
	}
	out := *tr
	out.Values = append([]*tensor.Tensor(nil), tr.Values...)
	out.Values[slot] = bad
	out.SlotCommits = append([]merkle.Hash(nil), tr.SlotCommits...)
	out.SlotCommits[slot] = tensor.CommitBytes(enc)
	if out.States, err = graph.States(tr.ModelRoot, tr.NumInputs, out.SlotCommits); err != nil {
		return nil, err
	}
	return &out, nil
}
