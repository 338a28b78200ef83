package graph

import (
	"fmt"

	"github.com/aivm-dev/aivm/models/merkle"
)

// The helpers below are what a verifier of one node needs (the VM guest, or
// a contract): authenticate weights against the model root, read slots out
// of S_{k-1}, and derive S_k from node k's output commitment alone.

// WeightProof proves weight i's commitment under the model root. The path
// runs up the weights tree and ends with the graph hash (the model root's
// left child), so merkle.Verify(modelRoot, commit, i + 2^len(path[:d]),
// path) holds; VerifyWeight does exactly that.
func (e *Executor) WeightProof(i int) (merkle.Hash, []merkle.Hash, error) {
	wc, err := e.Model.WeightCommits()
	if err != nil {
		return merkle.Hash{}, nil, err
	}
	if i < 0 || i >= len(wc) {
		return merkle.Hash{}, nil, fmt.Errorf("%w: weight %d outside [0,%d)", ErrGraph, i, len(wc))
	}
	path, err := merkle.Prove(wc, i)
	if err != nil {
		return merkle.Hash{}, nil, err
	}
	return wc[i], append(path, e.GraphHash), nil
}

// VerifyWeight checks a WeightProof.
func VerifyWeight(modelRoot, commit merkle.Hash, i int, path []merkle.Hash) error {
	if len(path) == 0 || i < 0 || i >= 1<<(len(path)-1) {
		return fmt.Errorf("%w: weight %d does not fit a path of %d", ErrMismatch, i, len(path))
	}
	return merkle.Verify(modelRoot, commit, i+1<<(len(path)-1), path)
}

// ActivationsRoot is the slot tree root of state k (inputs plus nodes 1..k
// filled, later slots Empty).
func (t *Trace) ActivationsRoot(k int) (merkle.Hash, error) {
	tree, err := t.stateTree(k)
	if err != nil {
		return merkle.Hash{}, err
	}
	return tree.Root(), nil
}

// SlotProof proves slot's commitment in state k. For the slot of node k+1
// (still Empty in state k) the same path also proves the new value in state
// k+1, which is how NextState works.
func (t *Trace) SlotProof(k, slot int) (merkle.Hash, []merkle.Hash, error) {
	tree, err := t.stateTree(k)
	if err != nil {
		return merkle.Hash{}, nil, err
	}
	path, err := tree.Proof(slot)
	if err != nil {
		return merkle.Hash{}, nil, err
	}
	if slot >= t.NumInputs+k {
		return merkle.Empty, path, nil
	}
	return t.SlotCommits[slot], path, nil
}

func (t *Trace) stateTree(k int) (*merkle.Tree, error) {
	n := len(t.SlotCommits) - t.NumInputs
	if k < 0 || k > n {
		return nil, fmt.Errorf("%w: state %d outside [0,%d]", ErrGraph, k, n)
	}
	tree := merkle.NewTree(len(t.SlotCommits))
	for i := 0; i < t.NumInputs+k; i++ {
		if err := tree.Set(i, t.SlotCommits[i]); err != nil {
			return nil, err
		}
	}
	return tree, nil
}

// VerifySlot checks that slot holds commit in state S = keccak(modelRoot ||
// activationsRoot), given the slot's Merkle path.
func VerifySlot(state, modelRoot merkle.Hash, slot int, commit merkle.Hash, path []merkle.Hash) error {
	if slot < 0 || slot >= 1<<len(path) {
		return fmt.Errorf("%w: slot %d does not fit a path of %d", ErrMismatch, slot, len(path))
	}
	if StateHash(modelRoot, merkle.RootFromProof(commit, slot, path)) != state {
		return fmt.Errorf("%w: slot %d does not hold %s in state %s", ErrMismatch, slot, commit, state)
	}
	return nil
}

// NextState derives S_k from S_{k-1}: given the path of node k's slot (which
// must be Empty in S_{k-1}), it checks that and returns the state with the
// slot set to out.
func NextState(prev, modelRoot merkle.Hash, slot int, path []merkle.Hash, out merkle.Hash) (merkle.Hash, error) {
	if err := VerifySlot(prev, modelRoot, slot, merkle.Empty, path); err != nil {
		return merkle.Hash{}, err
	}
	return StateHash(modelRoot, merkle.RootFromProof(out, slot, path)), nil
}
