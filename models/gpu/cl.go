package gpu

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/ebitengine/purego"
)

// The OpenCL 1.2 entry points used here, resolved from the ICD loader at
// run time (no cgo, no headers at build time).
var cl struct {
	GetPlatformIDs       func(n uint32, platforms *uintptr, num *uint32) int32
	GetPlatformInfo      func(p uintptr, param uint32, size uintptr, value unsafe.Pointer, ret *uintptr) int32
	GetDeviceIDs         func(p uintptr, typ uint64, n uint32, devices *uintptr, num *uint32) int32
	GetDeviceInfo        func(d uintptr, param uint32, size uintptr, value unsafe.Pointer, ret *uintptr) int32
	CreateContext        func(props *uintptr, n uint32, devices *uintptr, notify, user uintptr, err *int32) uintptr
	CreateCommandQueue   func(ctx, dev uintptr, props uint64, err *int32) uintptr
	CreateBuffer         func(ctx uintptr, flags uint64, size uintptr, host unsafe.Pointer, err *int32) uintptr
	EnqueueWriteBuffer   func(q, buf uintptr, blocking uint32, off, size uintptr, p unsafe.Pointer, n uint32, wait, ev *uintptr) int32
	EnqueueReadBuffer    func(q, buf uintptr, blocking uint32, off, size uintptr, p unsafe.Pointer, n uint32, wait, ev *uintptr) int32
	CreateProgramWithSrc func(ctx uintptr, n uint32, src **byte, lens *uintptr, err *int32) uintptr
	BuildProgram         func(prog uintptr, n uint32, devices *uintptr, opts *byte, notify, user uintptr) int32
	GetProgramBuildInfo  func(prog, dev uintptr, param uint32, size uintptr, value unsafe.Pointer, ret *uintptr) int32
	CreateKernel         func(prog uintptr, name *byte, err *int32) uintptr
	SetKernelArg         func(k uintptr, i uint32, size uintptr, value unsafe.Pointer) int32
	EnqueueNDRangeKernel func(q, k uintptr, dim uint32, off, global, local *uintptr, n uint32, wait, ev *uintptr) int32
	Finish               func(q uintptr) int32
	ReleaseMemObject     func(m uintptr) int32
	ReleaseKernel        func(k uintptr) int32
	ReleaseProgram       func(p uintptr) int32
	ReleaseCommandQueue  func(q uintptr) int32
	ReleaseContext       func(c uintptr) int32
}

// OpenCL constants (CL/cl.h, OpenCL 1.2).
const (
	clSuccess             = 0
	clDeviceTypeCPU       = 1 << 1
	clDeviceTypeGPU       = 1 << 2
	clDeviceTypeAll       = 0xFFFFFFFF
	clPlatformName        = 0x0902
	clDeviceType          = 0x1000
	clDeviceMaxWorkGroup  = 0x1004
	clDeviceGlobalMemSize = 0x101F
	clDeviceName          = 0x102B
	clDeviceVendor        = 0x102C
	clDriverVersion       = 0x102D
	clMemReadWrite        = 1 << 0
	clProgramBuildLog     = 0x1183
	clBuildProgramFailure = -11
	clDeviceNotFound      = -1
	clPlatformNotFoundKHR = -1001
	libName               = "libOpenCL.so.1"
	installHint           = "Debian packages ocl-icd-libopencl1 and pocl-opencl-icd (make setup), or a GPU vendor's OpenCL driver"
	maxLocal              = 256
	defaultLocal          = 128
	kernelArgMem          = 8 // sizeof(cl_mem)
)

// ErrUnavailable is returned when no OpenCL loader or device can be found.
var ErrUnavailable = errors.New("gpu: no OpenCL device")

var (
	loadOnce sync.Once
	loadErr  error
)

// load opens the ICD loader and resolves the entry points once.
func load() error {
	loadOnce.Do(func() {
		if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
			loadErr = fmt.Errorf("%w: OpenCL loading is implemented for Linux only", ErrUnavailable)
			return
		}
		lib, err := purego.Dlopen(libName, purego.RTLD_NOW|purego.RTLD_GLOBAL)
		if err != nil {
			loadErr = fmt.Errorf("%w: %s: %v (install %s)", ErrUnavailable, libName, err, installHint)
			return
		}
		defer func() {
			if r := recover(); r != nil { // RegisterLibFunc panics on a missing symbol
				loadErr = fmt.Errorf("%w: %s: %v", ErrUnavailable, libName, r)
			}
		}()
		reg := func(fn any, name string) { purego.RegisterLibFunc(fn, lib, name) }
		reg(&cl.GetPlatformIDs, "clGetPlatformIDs")
		reg(&cl.GetPlatformInfo, "clGetPlatformInfo")
		reg(&cl.GetDeviceIDs, "clGetDeviceIDs")
		reg(&cl.GetDeviceInfo, "clGetDeviceInfo")
		reg(&cl.CreateContext, "clCreateContext")
		reg(&cl.CreateCommandQueue, "clCreateCommandQueue")
		reg(&cl.CreateBuffer, "clCreateBuffer")
		reg(&cl.EnqueueWriteBuffer, "clEnqueueWriteBuffer")
		reg(&cl.EnqueueReadBuffer, "clEnqueueReadBuffer")
		reg(&cl.CreateProgramWithSrc, "clCreateProgramWithSource")
		reg(&cl.BuildProgram, "clBuildProgram")
		reg(&cl.GetProgramBuildInfo, "clGetProgramBuildInfo")
		reg(&cl.CreateKernel, "clCreateKernel")
		reg(&cl.SetKernelArg, "clSetKernelArg")
		reg(&cl.EnqueueNDRangeKernel, "clEnqueueNDRangeKernel")
		reg(&cl.Finish, "clFinish")
		reg(&cl.ReleaseMemObject, "clReleaseMemObject")
		reg(&cl.ReleaseKernel, "clReleaseKernel")
		reg(&cl.ReleaseProgram, "clReleaseProgram")
		reg(&cl.ReleaseCommandQueue, "clReleaseCommandQueue")
		reg(&cl.ReleaseContext, "clReleaseContext")
	})
	return loadErr
}

// clError names an OpenCL status code.
type clError struct {
	call string
	code int32
}

func (e *clError) Error() string {
	return fmt.Sprintf("gpu: %s failed: OpenCL error %d", e.call, e.code)
}

func check(call string, code int32) error {
	if code == clSuccess {
		return nil
	}
	return &clError{call, code}
}

// cstr returns a NUL-terminated copy of s.
func cstr(s string) *byte {
	b := append([]byte(s), 0)
	return &b[0]
}

// gostr cuts a C string buffer at its first NUL.
func gostr(b []byte) string {
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		b = b[:i]
	}
	return strings.TrimSpace(string(b))
}

// infoString reads a string property through a clGet*Info call.
func infoString(get func(size uintptr, value unsafe.Pointer, ret *uintptr) int32) string {
	var n uintptr
	if get(0, nil, &n) != clSuccess || n == 0 {
		return ""
	}
	b := make([]byte, n)
	if get(n, unsafe.Pointer(&b[0]), nil) != clSuccess {
		return ""
	}
	return gostr(b)
}

func deviceString(d uintptr, param uint32) string {
	return infoString(func(size uintptr, v unsafe.Pointer, ret *uintptr) int32 {
		return cl.GetDeviceInfo(d, param, size, v, ret)
	})
}

func platformString(p uintptr, param uint32) string {
	return infoString(func(size uintptr, v unsafe.Pointer, ret *uintptr) int32 {
		return cl.GetPlatformInfo(p, param, size, v, ret)
	})
}

func deviceU64(d uintptr, param uint32) uint64 {
	var v uint64
	cl.GetDeviceInfo(d, param, 8, unsafe.Pointer(&v), nil)
	return v
}

// DeviceInfo describes one OpenCL device.
type DeviceInfo struct {
	Platform string `json:"platform"`
	Name     string `json:"name"`
	Vendor   string `json:"vendor"`
	Driver   string `json:"driver"`
	GPU      bool   `json:"gpu"`  // CL_DEVICE_TYPE_GPU
	Pocl     bool   `json:"pocl"` // the Portable Computing Language CPU driver
	MemBytes uint64 `json:"mem_bytes"`
	platform uintptr
	id       uintptr
	maxLocal int
}

// Label is how benchmarks and logs name the device, e.g. "pocl (CPU): ...".
func (d DeviceInfo) Label() string {
	switch {
	case d.Pocl:
		return "pocl (CPU): " + d.Name
	case d.GPU:
		return "GPU: " + d.Name
	}
	return "OpenCL CPU: " + d.Name
}

// driverMu serializes the driver calls that set a platform up:
// enumerating devices and creating contexts and programs. pocl crashes
// (a NULL dereference in clGetDeviceInfo) when two threads enumerate its
// devices at once, as two services starting together in one process did.
var driverMu sync.Mutex

var devices struct {
	list []DeviceInfo
	err  error
	done bool
}

// Devices lists every OpenCL device of every platform, GPUs first. The
// list is read once per process, under driverMu.
func Devices() ([]DeviceInfo, error) {
	driverMu.Lock()
	defer driverMu.Unlock()
	if !devices.done {
		devices.list, devices.err = listDevices()
		devices.done = true
	}
	return slices.Clone(devices.list), devices.err
}

func listDevices() ([]DeviceInfo, error) {
	if err := load(); err != nil {
		return nil, err
	}
	var np uint32
	if code := cl.GetPlatformIDs(0, nil, &np); code != clSuccess || np == 0 {
		return nil, fmt.Errorf("%w: no OpenCL platform (code %d; install %s)", ErrUnavailable, code, installHint)
	}
	ps := make([]uintptr, np)
	if err := check("clGetPlatformIDs", cl.GetPlatformIDs(np, &ps[0], nil)); err != nil {
		return nil, err
	}
	var gpus, others []DeviceInfo
	for _, p := range ps {
		var nd uint32
		if cl.GetDeviceIDs(p, clDeviceTypeAll, 0, nil, &nd) != clSuccess || nd == 0 {
			continue
		}
		ds := make([]uintptr, nd)
		if cl.GetDeviceIDs(p, clDeviceTypeAll, nd, &ds[0], nil) != clSuccess {
			continue
		}
		pname := platformString(p, clPlatformName)
		for _, d := range ds {
			info := DeviceInfo{
				Platform: pname, Name: deviceString(d, clDeviceName), Vendor: deviceString(d, clDeviceVendor),
				Driver: deviceString(d, clDriverVersion), GPU: deviceU64(d, clDeviceType)&clDeviceTypeGPU != 0,
				MemBytes: deviceU64(d, clDeviceGlobalMemSize), platform: p, id: d,
			}
			info.Pocl = strings.Contains(strings.ToLower(pname), "portable computing language")
			info.maxLocal = int(deviceU64(d, clDeviceMaxWorkGroup))
			if info.GPU {
				gpus = append(gpus, info)
			} else {
				others = append(others, info)
			}
		}
	}
	all := append(gpus, others...)
	if len(all) == 0 {
		return nil, fmt.Errorf("%w: OpenCL platforms have no device (install %s)", ErrUnavailable, installHint)
	}
	return all, nil
}
