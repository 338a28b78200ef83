package adversary

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Tamper returns a copy of tr in which node k's output tensor has data bit
// `bit` flipped (modulo its size) and every state from S_k on recomputed:
// the trace of a submitter with one wrong intermediate value, consistent
// in itself from node k on. Later node values are left as tr computed them
// (the fault does not propagate), so the first wrong state is S_k, where
// the dispute must land. The tests and the devnet's lying submitter use it.
func Tamper(tr *graph.Trace, k, bit int) (*graph.Trace, error) {
	n := len(tr.States) - 1
	if k < 1 || k > n {
		return nil, fmt.Errorf("adversary: tamper node %d outside [1,%d]", k, n)
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
		return nil, fmt.Errorf("adversary: node %d output has no data bits", k)
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
