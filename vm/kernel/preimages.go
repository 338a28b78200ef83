package kernel

import (
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/vm"
)

// ErrUnprovable marks a model (or a served preimage) with a preimage the
// guest reads that is larger than the on-chain PreimageOracle accepts
// (vm.MaxPreimageSize): a phase-V step reading it could never be proven, so
// whoever had to prove it would lose on time.
var ErrUnprovable = errors.New("kernel: preimage larger than the on-chain PreimageOracle accepts")

// maxNodeDesc is the largest node description the graph format allows: u16
// op, a name of at most graph.MaxName bytes with its length byte, the input
// count and refs, the attribute count and attributes (docs/models.md 4).
const maxNodeDesc = 2 + 1 + graph.MaxName + 1 + 4*graph.MaxNodeInputs + 1 + 8*graph.MaxAttrs

// Every other preimage the guest reads (docs/protocol.md 2.4) has a size
// the format bounds: local data (at most 32 bytes), Merkle pairs (64),
// tensor chunks (tensor.ChunkSize) and node descriptions (maxNodeDesc). These
// constants fail to compile (a negative constant does not convert to uint)
// if one of them ever outgrows the oracle, so only the graph header needs a
// check per model.
const (
	_ = uint(vm.MaxPreimageSize - 64)
	_ = uint(vm.MaxPreimageSize - tensor.ChunkSize)
	_ = uint(vm.MaxPreimageSize - maxNodeDesc)
)

// CheckPreimageSizes returns an ErrUnprovable error when a preimage the
// kernel guest reads for model m is larger than vm.MaxPreimageSize. Only the
// graph header can be: it lists every input and weight with its name and
// shape, so it grows with the model (about 50 bytes per weight tensor with
// LLaMA-style names), while every other preimage has a bound the format
// fixes (checked at compile time above).
//
// WHY at build time and not in the guest: the guest accepts headers up to
// its own maxHeader (32 MiB) and cannot tell an oversize header from a good
// one provably. It learns a preimage's size from the 8-byte length prefix,
// and on chain even that first read needs PreimageOracle to load a part of
// the preimage, which it refuses for anything over the limit. A guest-side
// size check would therefore never execute on chain; the only place to stop
// such a model is before its kernel is built, verified or served.
func CheckPreimageSizes(m *graph.Model) error {
	if m == nil || m.Graph == nil {
		return errors.New("kernel: no model to check")
	}
	hdr, err := m.Graph.EncodeHeader()
	if err != nil {
		return fmt.Errorf("kernel: graph header of %q: %w", m.Graph.Name, err)
	}
	if len(hdr) > vm.MaxPreimageSize {
		return fmt.Errorf("%w: the graph header of model %q (%d inputs, %d weights) is %d bytes, over the limit of %d bytes (PreimageOracle.MAX_PREIMAGE_SIZE); "+
			"no step that reads it could be proven on chain (shorten tensor names or split the model)",
			ErrUnprovable, m.Graph.Name, len(m.Graph.Inputs), len(m.Graph.Weights), len(hdr), vm.MaxPreimageSize)
	}
	return nil
}
