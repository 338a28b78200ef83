package gpu

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unsafe"
)

//go:embed kernels.cl
var kernelSource string

// kernelNames lists every kernel of kernels.cl; Open creates them all.
var kernelNames = []string{
	"matvec_acc_item", "matvec_fc_item", "matvec_acc_group", "matvec_fc_group",
	"requant_i8_i8", "requant_u8_i8", "requant_i32_i8", "requant_i8_i32", "requant_u8_i32", "requant_i32_i32",
	"relu_i8", "relu_i32", "add_i8", "mul_i8", "residual_add", "lut8", "embedding", "kv_write",
	"rmsnorm", "rope", "softmax", "attention", "argmax_i8", "argmax_i32", "copy_i32",
}

// exp2Source is ops' pinned softmax table, round(2^16 * 2^(-f/256)) for f
// in [0,256) (ops.TestExpTable checks the same formula against the table;
// this package's softmax and attention tests check the kernels against
// ops.Softmax and ops.Attention).
func exp2Source() string {
	var b strings.Builder
	b.WriteString("__constant uint EXP2_TABLE[256] = {")
	for f := 0; f < 256; f++ {
		if f > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%d", int64(math.Round(65536*math.Exp2(-float64(f)/256))))
	}
	b.WriteString("};\n")
	return b.String()
}

// Device is one OpenCL device with the compiled kernels and a command
// queue. Its methods are safe for concurrent use (one queue, one mutex).
type Device struct {
	Info    DeviceInfo
	ctx     uintptr
	queue   uintptr
	prog    uintptr
	kernels map[string]uintptr
	local   int // work-group size of the reduction kernels
	ewLocal int // work-group size of the element-wise kernels
	mu      sync.Mutex
}

// Open picks the first device of Devices (a GPU when there is one, else a
// CPU driver such as pocl) and compiles the kernels for it.
func Open() (*Device, error) {
	ds, err := Devices()
	if err != nil {
		return nil, err
	}
	return OpenDevice(ds[0])
}

// OpenDevice compiles the kernels for one device from Devices.
func OpenDevice(info DeviceInfo) (*Device, error) {
	if err := load(); err != nil {
		return nil, err
	}
	driverMu.Lock()
	defer driverMu.Unlock()
	d := &Device{Info: info, kernels: map[string]uintptr{}}
	var code int32
	props := []uintptr{0x1084 /* CL_CONTEXT_PLATFORM */, info.platform, 0}
	id := info.id
	d.ctx = cl.CreateContext(&props[0], 1, &id, 0, 0, &code)
	if err := check("clCreateContext", code); err != nil {
		return nil, err
	}
	d.queue = cl.CreateCommandQueue(d.ctx, id, 0, &code)
	if err := check("clCreateCommandQueue", code); err != nil {
		d.Close()
		return nil, err
	}
	src := exp2Source() + kernelSource
	p := cstr(src)
	n := uintptr(len(src))
	d.prog = cl.CreateProgramWithSrc(d.ctx, 1, &p, &n, &code)
	if err := check("clCreateProgramWithSource", code); err != nil {
		d.Close()
		return nil, err
	}
	if code = cl.BuildProgram(d.prog, 1, &id, cstr("-cl-std=CL1.2"), 0, 0); code != clSuccess {
		var ln uintptr
		cl.GetProgramBuildInfo(d.prog, id, clProgramBuildLog, 0, nil, &ln)
		log := make([]byte, ln+1)
		cl.GetProgramBuildInfo(d.prog, id, clProgramBuildLog, ln, unsafe.Pointer(&log[0]), nil)
		d.Close()
		return nil, fmt.Errorf("gpu: building kernels for %s failed (OpenCL error %d): %s", info.Name, code, gostr(log))
	}
	for _, name := range kernelNames {
		k := cl.CreateKernel(d.prog, cstr(name), &code)
		if err := check("clCreateKernel "+name, code); err != nil {
			d.Close()
			return nil, err
		}
		d.kernels[name] = k
	}
	d.local = defaultLocal
	if !info.GPU {
		d.local = 16 // CPU drivers run a work-group on one core: keep reductions short
	}
	d.ewLocal = 256
	if !info.GPU {
		d.ewLocal = 64
	}
	if info.maxLocal > 0 {
		d.local, d.ewLocal = pow2AtMost(d.local, info.maxLocal), pow2AtMost(d.ewLocal, info.maxLocal)
	}
	return d, nil
}

// pow2AtMost is v, or the largest power of two <= limit when v exceeds it.
func pow2AtMost(v, limit int) int {
	if v <= limit {
		return v
	}
	p := 1
	for p*2 <= limit {
		p *= 2
	}
	return p
}

// Close releases the kernels, program, queue and context.
func (d *Device) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, k := range d.kernels {
		cl.ReleaseKernel(k)
	}
	d.kernels = nil
	if d.prog != 0 {
		cl.ReleaseProgram(d.prog)
		d.prog = 0
	}
	if d.queue != 0 {
		cl.ReleaseCommandQueue(d.queue)
		d.queue = 0
	}
	if d.ctx != 0 {
		cl.ReleaseContext(d.ctx)
		d.ctx = 0
	}
}

// buffer is device memory of size bytes.
type buffer struct {
	mem  uintptr
	size int
}

// alloc creates a buffer of n bytes (at least 4: OpenCL refuses 0).
func (d *Device) alloc(n int) (*buffer, error) {
	var code int32
	m := cl.CreateBuffer(d.ctx, clMemReadWrite, uintptr(max(n, 4)), nil, &code)
	if err := check(fmt.Sprintf("clCreateBuffer(%d bytes)", n), code); err != nil {
		return nil, err
	}
	return &buffer{mem: m, size: n}, nil
}

func (b *buffer) release() {
	if b != nil && b.mem != 0 {
		cl.ReleaseMemObject(b.mem)
		b.mem = 0
	}
}

// write copies n bytes at p to the buffer (blocking, so p may be Go memory).
func (d *Device) write(b *buffer, p unsafe.Pointer, n int) error {
	if n == 0 {
		return nil
	}
	return check("clEnqueueWriteBuffer", cl.EnqueueWriteBuffer(d.queue, b.mem, 1, 0, uintptr(n), p, 0, nil, nil))
}

// read copies n bytes of the buffer to p (blocking: it also waits for every
// kernel queued before).
func (d *Device) read(b *buffer, p unsafe.Pointer, n int) error {
	if n == 0 {
		return nil
	}
	return check("clEnqueueReadBuffer", cl.EnqueueReadBuffer(d.queue, b.mem, 1, 0, uintptr(n), p, 0, nil, nil))
}

// launch sets the arguments (*buffer, int, int32 or int64) and enqueues the
// kernel over global work-items with the given work-group size (nil: the
// driver's choice). Callers hold d.mu.
func (d *Device) launch(name string, global, local []int, args ...any) error {
	k, ok := d.kernels[name]
	if !ok {
		return fmt.Errorf("gpu: no kernel %q", name)
	}
	for i, a := range args {
		var code int32
		switch v := a.(type) {
		case *buffer:
			m := v.mem
			code = cl.SetKernelArg(k, uint32(i), kernelArgMem, unsafe.Pointer(&m))
		case int:
			x := int32(v)
			code = cl.SetKernelArg(k, uint32(i), 4, unsafe.Pointer(&x))
		case int32:
			code = cl.SetKernelArg(k, uint32(i), 4, unsafe.Pointer(&v))
		case int64:
			code = cl.SetKernelArg(k, uint32(i), 8, unsafe.Pointer(&v))
		default:
			return fmt.Errorf("gpu: kernel %s arg %d has type %T", name, i, a)
		}
		if err := check(fmt.Sprintf("clSetKernelArg(%s, %d)", name, i), code); err != nil {
			return err
		}
	}
	g := make([]uintptr, len(global))
	for i, v := range global {
		if v <= 0 {
			return nil // nothing to do
		}
		g[i] = uintptr(v)
	}
	var lp *uintptr
	if local != nil {
		l := make([]uintptr, len(local))
		for i, v := range local {
			l[i] = uintptr(v)
		}
		lp = &l[0]
	}
	return check("clEnqueueNDRangeKernel "+name, cl.EnqueueNDRangeKernel(d.queue, k, uint32(len(g)), nil, &g[0], lp, 0, nil, nil))
}

// finish waits for every queued command.
func (d *Device) finish() error { return check("clFinish", cl.Finish(d.queue)) }
