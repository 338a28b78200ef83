package kernel

import (
	"errors"
	"fmt"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Guest memory (docs/kernel.md, "Guest limits").
//
// The guest is a 32-bit Go program with the collector off, so everything it
// allocates for a node stays allocated until it exits. Go's mips runtime
// (heapAddrBits = 31) puts its heap right above the binary: a 512 MiB
// linear reservation from 0x00400000, then arenas reserved upward at hinted
// addresses. The VM honours every hint (protocol 1.8), and mmap(0, …), where
// the runtime keeps its own metadata, starts at mips.InitialHeap
// (0x60000000): a heap that grows past that address maps over the
// runtime's metadata and the guest faults (exit 255, PANIC).
// TestGuestHeapLimit measures it: 1,531 MiB in 1 MiB allocations, and one
// allocation of at most 1,016 MiB (the span from the end of the linear
// reservation to 0x60000000), the larger ones faulting.
const (
	// MaxWorkingSet is the most a node may need in the guest
	// (NodeWorkingSet). A working set this large fits however the runtime
	// places it: even all of it in the region above the linear reservation
	// (1,016 MiB) leaves 56 MiB for the page and arena rounding that
	// NodeWorkingSet does not model.
	MaxWorkingSet = 960 << 20

	// guestFixed is what every node needs besides its tensors: the
	// runtime's heap at start, goroutine stacks, the pair cache, small
	// objects. Measured at under 1 MiB over the pages the ELF image and
	// initial stack take (TestWorkingSetCoversVM); the rest is margin.
	guestFixed = 16 << 20
)

// ErrWorkingSet marks a model with a node whose working set in the guest
// is over MaxWorkingSet: the guest could not judge that node, so a dispute
// over it could not be decided.
var ErrWorkingSet = errors.New("kernel: a node needs more memory than the guest has")

// WorkingSet is what the guest holds while it judges one node, in bytes,
// counting every buffer as the Go runtime rounds it.
type WorkingSet struct {
	// Inputs: tensors read whole (the encoding buffer, the tree levels
	// walked, an int32 copy of i32 data) and, for the streamed inputs of
	// embedding and kv_write, the few chunks and nodes on the paths to
	// one row.
	Inputs int64
	// Output: the output tensor, its encoding and chunk hashes.
	Output int64
	// Scratch: the op's temporaries (fc accumulators, attention scores).
	Scratch int64
	// Fixed: the runtime, the graph header and its decoded form.
	Fixed int64
	// Largest is the largest input read whole (the weight matrix of an fc
	// node, the caches of attention), for error messages.
	Largest int64
}

// Total is the whole working set.
func (w WorkingSet) Total() int64 { return w.Inputs + w.Output + w.Scratch + w.Fixed }

// NodeWorkingSet is the working set of the guest judging node k (1-based)
// of g, from the specs alone (no tensor is read): at most what the guest
// allocates, whatever the values (attention counts the whole cache length,
// whatever the position).
func NodeWorkingSet(g *graph.Graph, k int) (WorkingSet, error) {
	slots, err := g.Validate()
	if err != nil {
		return WorkingSet{}, fmt.Errorf("kernel: model graph: %w", err)
	}
	if k < 1 || k > len(g.Nodes) {
		return WorkingSet{}, fmt.Errorf("kernel: node %d outside [1,%d]", k, len(g.Nodes))
	}
	hdr, err := g.EncodeHeader()
	if err != nil {
		return WorkingSet{}, err
	}
	return nodeWorkingSet(g, slots, len(hdr), k), nil
}

// CheckWorkingSets returns an ErrWorkingSet error naming the first node of
// m whose working set is over MaxWorkingSet.
func CheckWorkingSets(m *graph.Model) error {
	if m == nil || m.Graph == nil {
		return errors.New("kernel: no model to check")
	}
	g := m.Graph
	slots, err := g.Validate()
	if err != nil {
		return fmt.Errorf("kernel: model graph: %w", err)
	}
	hdr, err := g.EncodeHeader()
	if err != nil {
		return err
	}
	for k := 1; k <= len(g.Nodes); k++ {
		w := nodeWorkingSet(g, slots, len(hdr), k)
		if w.Total() > MaxWorkingSet {
			n := &g.Nodes[k-1]
			return fmt.Errorf("%w: node %d %q (%s) of model %q needs %s in the guest (inputs read whole %s, the largest %s; output %s; scratch %s; fixed %s), "+
				"over the limit of %s (kernel.MaxWorkingSet: Go's 32-bit heap below the VM's mmap region, docs/kernel.md \"Guest limits\"); "+
				"split the node (e.g. the matrix into row blocks) or shrink its tensors",
				ErrWorkingSet, k, n.Name, n.Op, g.Name, mib(w.Total()), mib(w.Inputs), mib(w.Largest), mib(w.Output), mib(w.Scratch), mib(w.Fixed), mib(MaxWorkingSet))
		}
	}
	return nil
}

// mib renders a byte count as MiB with the exact count.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB (%d bytes)", float64(n)/(1<<20), n) }

// alloc is the heap a Go allocation of n bytes takes: small objects round
// up to a size class (at most 12.5 % more, counted as that), large ones
// (over 32 KiB) to whole 8 KiB pages. aligned() in the guest asks 31 more.
func alloc(n int64) int64 {
	if n <= 32<<10 {
		return (n*9/8 + 15) &^ 15
	}
	return (n + 8191) &^ 8191
}

// encoding is the layout of a tensor's encoding and chunk tree.
type encoding struct {
	size, chunks int64 // encoded bytes; 1 KiB chunks
	depth        int
}

func encodingOf(s tensor.Spec) encoding {
	n, _ := tensor.NumElements(s.Shape) // validated by Graph.Validate
	size := int64(tensor.HeaderSize(len(s.Shape)) + n*s.DType.Size())
	chunks := (size + tensor.ChunkSize - 1) / tensor.ChunkSize
	return encoding{size: size, chunks: chunks, depth: merkle.Depth(int(chunks))}
}

// spine is what opening a tree down its left spine holds: chunk 0 and
// one 32-byte hash per level (guest openTree).
func (e encoding) spine() int64 {
	return alloc(tensor.ChunkSize+31) + int64(e.depth)*alloc(32+31) + 256
}

// whole is what reading the tensor whole holds (guest readTensor): the
// spine, every level of the chunk tree, the encoding buffer and, for i32
// data, its decoded copy.
func whole(s tensor.Spec) int64 {
	e := encodingOf(s)
	w := e.spine() + alloc(e.chunks*tensor.ChunkSize+31)
	for h := e.depth; h > 0; h-- {
		span := int64(1) << (h - 1)
		w += alloc(32*((e.chunks+span-1)/span) + 31)
	}
	if s.DType == tensor.I32 {
		w += alloc(e.size - int64(tensor.HeaderSize(len(s.Shape))))
	}
	return w
}

// streamedRow is what a streamed input holds (guest openStreamed and walk):
// the spine, and the chunks and 64-byte nodes on the paths to a row of
// width bytes, chunk 0 and the last chunk, with a new hash per node when
// they are re-hashed.
func streamedRow(s tensor.Spec, width int64) int64 {
	e := encodingOf(s)
	paths := (width+tensor.ChunkSize-1)/tensor.ChunkSize + 3
	return e.spine() + paths*(alloc(tensor.ChunkSize+31)+int64(e.depth+1)*(alloc(64+31)+alloc(32)))
}

// committed is what committing a tensor holds (tensor.Commit): the data,
// its encoding, the chunk hashes and the padded tree level.
func committed(s tensor.Spec) int64 {
	e := encodingOf(s)
	data := e.size - int64(tensor.HeaderSize(len(s.Shape)))
	return alloc(data) + alloc(e.size) + alloc(32*e.chunks) + alloc(32*int64(merkle.PaddedSize(int(e.chunks)))) + alloc(tensor.ChunkSize)
}

func nodeWorkingSet(g *graph.Graph, slots []tensor.Spec, hdrBytes, k int) WorkingSet {
	n := &g.Nodes[k-1]
	in := make([]tensor.Spec, len(n.Inputs))
	for i, r := range n.Inputs {
		if r.IsWeight() {
			in[i] = g.Weights[r.Index()].Spec
		} else {
			in[i] = slots[r.Index()]
		}
	}
	out := slots[len(g.Inputs)+k-1]
	w := WorkingSet{Fixed: guestFixed + alloc(int64(hdrBytes)) + 4*int64(hdrBytes)}
	readWhole := func(specs []tensor.Spec) {
		for _, s := range specs {
			b := whole(s)
			w.Inputs += b
			w.Largest = max(w.Largest, b)
		}
	}
	switch n.Op {
	case graph.OpEmbed:
		// The table is streamed (guest embed): one row.
		w.Inputs = streamedRow(in[0], int64(in[0].Shape[1]))
		readWhole(in[1:])
		w.Output = committed(out)
		return w
	case graph.OpKVWrite:
		// The cache is streamed and the output committed by a sparse
		// update (guest kvWrite): no output buffer.
		w.Inputs = streamedRow(in[0], int64(in[0].Shape[1]))
		readWhole(in[1:])
		w.Output = alloc(int64(tensor.HeaderSize(len(out.Shape))))
		return w
	}
	readWhole(in)
	w.Output = committed(out)
	switch n.Op {
	case graph.OpFC:
		rows := int64(in[1].Shape[0])
		batch := int64(1)
		if len(in[0].Shape) == 2 {
			batch = int64(in[0].Shape[0])
		}
		w.Scratch = alloc(4*batch*rows) + alloc(8*int64(in[3].Shape[0])) // int32 accumulators, multipliers
	case graph.OpAttention:
		seq, hd := int64(in[1].Shape[0]), n.Attrs[2]
		w.Scratch = 2*alloc(4*seq) + alloc(8*hd) // scores, probabilities, accumulators
	case graph.OpTopK:
		w.Scratch = alloc(4*n.Attrs[0]) + alloc(int64(in[0].Shape[0])) // indices, taken flags
	case graph.OpSample:
		w.Scratch = alloc(4 * int64(in[0].Shape[0])) // one exp2 weight per logit
	}
	return w
}
