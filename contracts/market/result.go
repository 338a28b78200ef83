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
