package market

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// ResultFromTrace is the result a party with trace tr posts for a request
// whose result is bound to slots (KernelRegistry.resultShape: one slot for
// argmax and logits, every graph output's for outputs). It is what
// InferenceMarket._checkResult verifies: the slots' canonical tensor
// encodings back to back, their commitment (the tensor commitment of one
// slot, the Merkle root of the slots' commitments for several:
// graph.OutputCommit), S_n, the activations root of S_n and each slot's
// Merkle path in it, concatenated in slot order.
func ResultFromTrace(tr *graph.Trace, slots []uint32) (Result, error) {
	if len(slots) == 0 {
		return Result{}, errors.New("market: no output slot to bind the result to")
	}
	n := len(tr.States) - 1
	tree := merkle.NewTree(len(tr.SlotCommits))
	for i, h := range tr.SlotCommits {
		if err := tree.Set(i, h); err != nil {
			return Result{}, fmt.Errorf("market: slot tree: %w", err)
		}
	}
	var out []byte
	commits := make([]merkle.Hash, len(slots))
	var paths []common.Hash
	for i, s := range slots {
		slot := int(s)
		if slot < tr.NumInputs || slot >= len(tr.SlotCommits) {
			return Result{}, fmt.Errorf("market: output slot %d is not a node slot (inputs %d, slots %d)",
				slot, tr.NumInputs, len(tr.SlotCommits))
		}
		enc, err := tr.Values[slot].Encode()
		if err != nil {
			return Result{}, fmt.Errorf("market: encode output slot %d: %w", slot, err)
		}
		// The contract hashes the posted bytes; a trace whose value and
		// commitment disagree would be refused there, so refuse it here.
		if tensor.CommitBytes(enc) != tr.SlotCommits[slot] {
			return Result{}, fmt.Errorf("market: slot %d's tensor does not have the trace's commitment", slot)
		}
		path, err := tree.Proof(slot)
		if err != nil {
			return Result{}, fmt.Errorf("market: path of slot %d: %w", slot, err)
		}
		for _, h := range path {
			paths = append(paths, common.Hash(h))
		}
		out = append(out, enc...)
		commits[i] = tr.SlotCommits[slot]
	}
	if len(out) > MaxOutputBytes {
		return Result{}, fmt.Errorf("market: the output is %d bytes, the market takes at most %d", len(out), MaxOutputBytes)
	}
	if root := tree.Root(); graph.StateHash(tr.ModelRoot, root) != tr.States[n] {
		return Result{}, fmt.Errorf("market: the trace's S_n %s is not its slots' state", tr.States[n])
	}
	return Result{Output: out, OutputCommitment: common.Hash(graph.OutputCommit(commits)), FinalState: common.Hash(tr.States[n]),
		ActivationsRoot: common.Hash(tree.Root()), SlotPath: paths}, nil
}

// SplitOutput splits a posted output into its tensor encodings (one per
// bound slot, in order), each decoded; it fails on anything but canonical
// encodings back to back, which the market never accepts.
func SplitOutput(out []byte) ([]*tensor.Tensor, error) {
	var ts []*tensor.Tensor
	for off := 0; off < len(out); {
		hdr, err := tensor.DecodeHeader(out[off:])
		if err != nil {
			return nil, fmt.Errorf("market: output tensor at byte %d: %w", off, err)
		}
		end := off + hdr.Size + hdr.Data
		if end > len(out) {
			return nil, fmt.Errorf("market: output tensor at byte %d is truncated", off)
		}
		t, err := tensor.Decode(out[off:end])
		if err != nil {
			return nil, fmt.Errorf("market: output tensor at byte %d: %w", off, err)
		}
		ts = append(ts, t)
		off = end
	}
	if len(ts) == 0 {
		return nil, errors.New("market: empty output")
	}
	return ts, nil
}
