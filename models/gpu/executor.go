package gpu

import (
	"fmt"
	"sort"
	"sync"
	"unsafe"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/aivm-dev/aivm/models/tensor"
)

// Executor runs graph nodes on a Device. It implements graph.NodeRunner,
// so graph.Executor.Run with graph.Options{Runner: x} records the same
// trace as the reference executor, with the kernels on the device.
//
// Tensors it has uploaded once (the weights of the models it was given, and
// tensors passed to Pin) are kept on the device and must not be modified
// afterwards. Activations live on the device for one run: a node's output
// stays there for the nodes that read it, and is read back once for the
// caller's commitment. Ops without a device kernel (topk), and nodes whose
// value-dependent preconditions fail (a bias over 2^30, a token or position
// out of range), run graph.RunNode on the host and are counted in Stats.
type Executor struct {
	dev      *Device
	mu       sync.Mutex
	resident map[*tensor.Tensor]*buffer // weights and pinned tensors
	acts     map[*tensor.Tensor]*buffer // this run's activations
	checked  map[*tensor.Tensor]error   // bias and requant weights' checks
	scratch  *buffer                    // attention scores
	group    bool                       // matvec variant: work-group per row
	stats    Stats
}

// Stats counts where nodes ran since the Executor was made.
type Stats struct {
	Device   map[string]int `json:"device"`   // op name -> nodes run by a device kernel
	Fallback map[string]int `json:"fallback"` // op name -> nodes run by graph.RunNode on the host
	Uploaded int64          `json:"uploaded_bytes"`
}

// Supported reports whether op has a device kernel (reshape is a
// relabelling and aliases its input's device buffer).
func Supported(op graph.Op) bool {
	switch op {
	case graph.OpTopK, graph.OpInvalid:
		return false
	}
	return op < graph.OpReshape+1
}

// NewExecutor makes an executor on dev and uploads the weights of each
// model once.
func NewExecutor(dev *Device, models ...*graph.Model) (*Executor, error) {
	x := &Executor{dev: dev, resident: map[*tensor.Tensor]*buffer{}, acts: map[*tensor.Tensor]*buffer{},
		checked: map[*tensor.Tensor]error{}, group: dev.Info.GPU,
		stats: Stats{Device: map[string]int{}, Fallback: map[string]int{}}}
	for _, m := range models {
		for _, w := range m.Weights {
			if err := x.Pin(w); err != nil {
				x.Close()
				return nil, err
			}
		}
	}
	return x, nil
}

// Device is the executor's device.
func (x *Executor) Device() *Device { return x.dev }

// SetMatVecGroup chooses the matvec kernel: one work-group per row (true,
// the GPU default) or one work-item per row (false, the CPU default). Both
// give the same bits; tests run both.
func (x *Executor) SetMatVecGroup(group bool) { x.group = group }

// Pin uploads t once and keeps it on the device until Close; t must not
// change afterwards.
func (x *Executor) Pin(t *tensor.Tensor) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.resident[t]; ok {
		return nil
	}
	b, err := x.upload(t)
	if err != nil {
		return err
	}
	x.resident[t] = b
	return nil
}

// Stats returns a copy of the counters.
func (x *Executor) Stats() Stats {
	x.mu.Lock()
	defer x.mu.Unlock()
	s := Stats{Device: map[string]int{}, Fallback: map[string]int{}, Uploaded: x.stats.Uploaded}
	for k, v := range x.stats.Device {
		s.Device[k] = v
	}
	for k, v := range x.stats.Fallback {
		s.Fallback[k] = v
	}
	return s
}

// FallbackOps lists the ops that have run on the host, sorted.
func (s Stats) FallbackOps() []string {
	var out []string
	for k := range s.Fallback {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Close releases every device buffer (the Device stays open).
func (x *Executor) Close() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dropActs()
	for t, b := range x.resident {
		b.release()
		delete(x.resident, t)
	}
	x.scratch.release()
	x.scratch = nil
}

// EndRun drops the run's activations (graph.NodeRunner).
func (x *Executor) EndRun() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dropActs()
}

func (x *Executor) dropActs() {
	seen := map[*buffer]bool{}
	for t, b := range x.acts {
		if !seen[b] { // reshape outputs alias their input's buffer
			seen[b] = true
			b.release()
		}
		delete(x.acts, t)
	}
}

// data is the host memory of t's elements.
func data(t *tensor.Tensor) (unsafe.Pointer, int) {
	switch {
	case len(t.I8) > 0:
		return unsafe.Pointer(&t.I8[0]), len(t.I8)
	case len(t.U8) > 0:
		return unsafe.Pointer(&t.U8[0]), len(t.U8)
	case len(t.I32) > 0:
		return unsafe.Pointer(&t.I32[0]), 4 * len(t.I32)
	}
	return nil, 0
}

func (x *Executor) upload(t *tensor.Tensor) (*buffer, error) {
	p, n := data(t)
	b, err := x.dev.alloc(n)
	if err != nil {
		return nil, err
	}
	if err := x.dev.write(b, p, n); err != nil {
		b.release()
		return nil, err
	}
	x.stats.Uploaded += int64(n)
	return b, nil
}

// buf finds or uploads t's device copy.
func (x *Executor) buf(t *tensor.Tensor) (*buffer, error) {
	if b, ok := x.resident[t]; ok {
		return b, nil
	}
	if b, ok := x.acts[t]; ok {
		return b, nil
	}
	b, err := x.upload(t)
	if err != nil {
		return nil, err
	}
	x.acts[t] = b
	return b, nil
}

// RunNode executes n on the device and returns the output read back to
// the host (graph.NodeRunner). It validates like graph.RunNode.
func (x *Executor) RunNode(n *graph.Node, in []*tensor.Tensor) (*tensor.Tensor, error) {
	specs := make([]tensor.Spec, len(in))
	for i, t := range in {
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("%w: node %q input %d: %w", graph.ErrInput, n.Name, i, err)
		}
		specs[i] = tensor.Spec{DType: t.DType, Shape: t.Shape}
	}
	spec, err := graph.OutSpec(n, specs)
	if err != nil {
		return nil, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if !Supported(n.Op) || x.precheck(n, in) != nil {
		x.stats.Fallback[n.Op.String()]++
		return graph.RunNode(n, in)
	}
	out, err := tensor.New(spec.DType, spec.Shape...)
	if err != nil {
		return nil, err
	}
	if n.Op == graph.OpReshape {
		b, err := x.buf(in[0])
		if err != nil {
			return nil, err
		}
		copy(out.I8, in[0].I8)
		copy(out.U8, in[0].U8)
		copy(out.I32, in[0].I32)
		x.acts[out] = b
		x.stats.Device[n.Op.String()]++
		return out, nil
	}
	bufs := make([]*buffer, len(in))
	for i, t := range in {
		if bufs[i], err = x.buf(t); err != nil {
			return nil, err
		}
	}
	p, size := data(out)
	ob, err := x.dev.alloc(size)
	if err != nil {
		return nil, err
	}
	if err := x.dispatch(n, in, bufs, out, ob); err != nil {
		ob.release()
		return nil, fmt.Errorf("node %q (%s) on %s: %w", n.Name, n.Op, x.dev.Info.Name, err)
	}
	if err := x.dev.read(ob, p, size); err != nil {
		ob.release()
		return nil, err
	}
	x.acts[out] = ob
	x.stats.Device[n.Op.String()]++
	return out, nil
}

// precheck mirrors the value-dependent checks of graph.RunNode's kernels
// (OutSpec has checked shapes and attributes). A node that fails one runs
// on the host, which returns the reference error.
func (x *Executor) precheck(n *graph.Node, in []*tensor.Tensor) error {
	weightCheck := func(t *tensor.Tensor, f func() error) error {
		if err, ok := x.checked[t]; ok {
			return err
		}
		err := f()
		if _, ok := x.resident[t]; ok { // weights do not change: check once
			x.checked[t] = err
		}
		return err
	}
	pos := func(t *tensor.Tensor, lim int) error {
		if v := t.I32[0]; v < 0 || int(v) >= lim {
			return fmt.Errorf("%w: %d outside [0,%d)", ops.ErrArg, v, lim)
		}
		return nil
	}
	switch n.Op {
	case graph.OpFC, graph.OpMatMulAcc:
		w, b := in[1], in[2]
		k := w.Shape[1]
		if err := weightCheck(b, func() error { return ops.CheckMatVec(make([]int8, k), w.I8, b.I32, w.Shape[0], k) }); err != nil {
			return err
		}
		if n.Op == graph.OpFC {
			return weightCheck(in[3], func() error {
				for i := 0; i+1 < len(in[3].I32); i += 2 {
					if _, err := ops.NewMultiplier(int64(in[3].I32[i]), int64(in[3].I32[i+1])); err != nil {
						return err
					}
				}
				return nil
			})
		}
	case graph.OpEmbed:
		return pos(in[1], in[0].Shape[0])
	case graph.OpRoPE:
		return pos(in[1], in[2].Shape[0])
	case graph.OpKVWrite:
		return pos(in[2], in[0].Shape[0])
	case graph.OpAttention:
		if n.Attrs[3] < 0 {
			return fmt.Errorf("%w: negative softmax multiplier", ops.ErrArg)
		}
		return pos(in[3], in[1].Shape[0])
	}
	return nil
}

// dispatch enqueues n's kernel writing into ob. Callers hold x.mu.
func (x *Executor) dispatch(n *graph.Node, in []*tensor.Tensor, b []*buffer, out *tensor.Tensor, ob *buffer) error {
	d, a, L := x.dev, n.Attrs, x.dev.local
	// Element-wise kernels run in fixed work-groups over a rounded-up range
	// (the kernels check the bound): a driver that compiles per work-group
	// size (pocl) then compiles each kernel once.
	ew := func(name string, n int, args ...any) error {
		return d.launch(name, []int{roundUp(n, d.ewLocal)}, []int{d.ewLocal}, append(args, int64(n))...)
	}
	m32 := func(i int) (int32, int32) { return int32(a[i]), int32(a[i+1]) }
	count := numel(out)
	switch n.Op {
	case graph.OpFC, graph.OpMatMulAcc:
		w := in[1]
		rows, k := w.Shape[0], w.Shape[1]
		batch := 1
		if len(in[0].Shape) == 2 {
			batch = in[0].Shape[0]
		}
		variant, global, local := "_item", []int{roundUp(rows, d.ewLocal), batch}, []int{d.ewLocal, 1}
		if x.group {
			variant, global, local = "_group", []int{rows * L, batch}, []int{L, 1}
		}
		if n.Op == graph.OpMatMulAcc {
			return d.launch("matvec_acc"+variant, global, local, b[0], b[1], b[2], rows, k, ob)
		}
		return d.launch("matvec_fc"+variant, global, local, b[0], b[1], b[2], rows, k, ob, b[3], in[3].Shape[0], int(a[0]))
	case graph.OpRequant:
		m, s := m32(1)
		lo, hi := int64(-128), int64(127)
		if out.DType == tensor.I32 {
			lo, hi = -1<<31, 1<<31-1
		}
		if a[3] == 1 {
			lo = 0
		}
		return ew("requant_"+in[0].DType.String()+"_"+out.DType.String(), count, b[0], ob, m, s, lo, hi)
	case graph.OpRelu:
		return ew("relu_"+in[0].DType.String(), count, b[0], ob)
	case graph.OpAdd:
		ma, sa := m32(0)
		mb, sb := m32(2)
		return ew("add_i8", count, b[0], b[1], ob, ma, sa, mb, sb)
	case graph.OpMul:
		m, s := m32(0)
		return ew("mul_i8", count, b[0], b[1], ob, m, s)
	case graph.OpResAdd:
		m, s := m32(0)
		return ew("residual_add", count, b[0], b[1], ob, m, s)
	case graph.OpLUT:
		return ew("lut8", count, b[0], b[1], ob)
	case graph.OpEmbed:
		return ew("embedding", count, b[0], in[0].Shape[1], in[1].I32[0], ob)
	case graph.OpKVWrite:
		return ew("kv_write", count, b[0], b[1], in[0].Shape[1], in[2].I32[0], ob)
	case graph.OpRMSNorm:
		m, s := m32(0)
		return d.launch("rmsnorm", []int{L}, []int{L}, b[0], b[1], ob, count, m, s, a[2])
	case graph.OpRoPE:
		return ew("rope", count/2, b[0], b[2], int(a[0]), in[1].I32[0], ob)
	case graph.OpSoftmax:
		m, s := m32(0)
		return d.launch("softmax", []int{L}, []int{L}, b[0], ob, count, m, s)
	case graph.OpAttention:
		heads, seq := int(a[0]), in[1].Shape[0]
		if err := x.ensureScratch(4 * heads * seq); err != nil {
			return err
		}
		ms, ss := m32(3)
		mo, so := m32(5)
		return d.launch("attention", []int{heads * L}, []int{L}, b[0], b[1], b[2], in[3].I32[0],
			heads, int(a[1]), int(a[2]), seq, ms, ss, mo, so, x.scratch, ob)
	case graph.OpArgmax:
		return d.launch("argmax_"+in[0].DType.String(), []int{L}, []int{L}, b[0], numel(in[0]), ob)
	}
	return fmt.Errorf("gpu: op %s has no kernel", n.Op)
}

// numel is the element count of t's shape (t may carry no data: Forward's
// device-only values).
func numel(t *tensor.Tensor) int {
	n, _ := tensor.NumElements(t.Shape)
	return n
}

func roundUp(n, m int) int { return (n + m - 1) / m * m }

func (x *Executor) ensureScratch(n int) error {
	if x.scratch != nil && x.scratch.size >= n {
		return nil
	}
	x.scratch.release()
	var err error
	x.scratch, err = x.dev.alloc(n)
	return err
}
