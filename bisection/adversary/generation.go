package adversary

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/generation"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// ChangeToken returns a copy of a generation trace (models/generation) in
// which the token sampled at generated position t is replaced by token,
// and the copy of it into the output tensor follows: the token_bytes node
// of step t and every token_write from t on hold the new token, so the
// posted result shows the changed token (a stop token there cuts the
// delivered output early). Every state from the sample node of t on is
// recomputed; the first wrong state is that sample node's, where the
// dispute must land. Test support for the generation attacks.
func ChangeToken(tr *graph.Trace, lay *generation.Layout, t, token int) (*graph.Trace, error) {
	if t < 0 || t >= lay.Tokens {
		return nil, fmt.Errorf("adversary: token %d outside [0,%d)", t, lay.Tokens)
	}
	k, err := lay.NodeOf(lay.Prompt-1+t, lay.SampleNode)
	if err != nil {
		return nil, err
	}
	out := *tr
	out.Values = append([]*tensor.Tensor(nil), tr.Values...)
	out.SlotCommits = append([]merkle.Hash(nil), tr.SlotCommits...)
	set := func(node int, v *tensor.Tensor) error {
		c, err := v.Commit()
		if err != nil {
			return err
		}
		slot := tr.NumInputs + node - 1
		out.Values[slot], out.SlotCommits[slot] = v, c
		return nil
	}
	sampled, err := tensor.FromI32([]int32{int32(token)}, 1)
	if err != nil {
		return nil, err
	}
	if err := set(k, sampled); err != nil {
		return nil, err
	}
	row := make([]int8, generation.TokenBytes)
	for b := range row {
		row[b] = int8(uint8(uint32(token) >> (8 * b)))
	}
	bytesNode := k + 1 // the step's token_bytes node follows its sample node
	if err := set(bytesNode, &tensor.Tensor{DType: tensor.I8, Shape: []int{generation.TokenBytes}, I8: row}); err != nil {
		return nil, err
	}
	for j := t; j < lay.Tokens; j++ {
		w, err := lay.NodeOf(lay.Prompt-1+j, lay.SampleNode)
		if err != nil {
			return nil, err
		}
		w += 2 // token_write
		acc := *out.Values[tr.NumInputs+w-1]
		acc.I8 = append([]int8(nil), acc.I8...)
		copy(acc.I8[t*generation.TokenBytes:], row)
		if err := set(w, &acc); err != nil {
			return nil, err
		}
	}
	if out.States, err = graph.States(tr.ModelRoot, tr.NumInputs, out.SlotCommits); err != nil {
		return nil, err
	}
	out.Outputs = []*tensor.Tensor{out.Values[len(out.Values)-1]}
	if out.OutputCommit, err = out.Values[len(out.Values)-1].Commit(); err != nil {
		return nil, err
	}
	return &out, nil
}
