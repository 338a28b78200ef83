package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	mkernel "github.com/aivm-dev/aivm/models/kernel"
	"github.com/aivm-dev/aivm/models/merkle"
	"github.com/aivm-dev/aivm/models/zoo"
	"github.com/stretchr/testify/require"
)

// mapStream serves typed keys from models/kernel preimages (plain keccak
// keys) and local data, the way the host provider does.
type mapStream struct {
	pre   mkernel.MapOracle
	local map[uint32][]byte
	cur   []byte
	opens int
}

func (m *mapStream) open(key *[32]byte) (uint64, error) {
	m.opens++
	switch key[0] {
	case keyLocal:
		v, ok := m.local[binary.BigEndian.Uint32(key[28:])]
		if !ok {
			return 0, fmt.Errorf("no local %x", key[:])
		}
		m.cur = v
	case keyKeccak:
		// The host stores plain keccak keys: find the one whose bytes 1..31
		// match (what the provider's re-keying does).
		h := merkle.Hash(*key)
		for b := range 256 {
			h[0] = byte(b)
			if v, ok := m.pre[h]; ok {
				m.cur = v
				return uint64(len(v)), nil
			}
		}
		return 0, errors.New("missing")
	default:
		return 0, errors.New("bad key type")
	}
	return uint64(len(m.cur)), nil
}

func (m *mapStream) read(dst []byte) error {
	if len(dst) > len(m.cur) {
		return errors.New("read past the end")
	}
	copy(dst, m.cur)
	m.cur = m.cur[len(dst):]
	return nil
}

func setup(t *testing.T, name string) (*graph.Executor, *graph.Trace, mkernel.MapOracle) {
	m, e, err := zoo.Resolve(name)
	require.NoError(t, err)
	ex, err := graph.NewExecutor(m)
	require.NoError(t, err)
	s, err := e.Sample(5)
	require.NoError(t, err)
	tr, err := ex.Run(s.Inputs, graph.Options{})
	require.NoError(t, err)
	o := mkernel.MapOracle{}
	require.NoError(t, o.AddModel(ex))
	require.NoError(t, o.AddTrace(tr))
	return ex, tr, o
}

func request(o mkernel.MapOracle, prev, claimed merkle.Hash, k uint32) *mapStream {
	return &mapStream{pre: o, local: map[uint32][]byte{
		localPrev: prev[:], localClaimed: claimed[:], localNode: binary.BigEndian.AppendUint32(nil, k)}}
}

// The guest's logic, run natively on every node of both models, agrees with
// models/kernel.Check (which re-hashes everything it reads).
func TestRunMatchesModelsKernel(t *testing.T) {
	for _, name := range zoo.Names() {
		ex, tr, o := setup(t, name)
		args := []string{"aivm-kernel", hx(ex.Root)}
		for k := 1; k < len(tr.States); k++ {
			want, err := mkernel.Check(o, k, tr.States[k-1], tr.States[k])
			require.NoError(t, err)
			require.True(t, want.Valid)
			var out, errb bytes.Buffer
			code := run(args, request(o, tr.States[k-1], tr.States[k], uint32(k)), &out, &errb)
			require.Equal(t, exitValid, code, "%s node %d: %s", name, k, errb.String())
			require.Contains(t, out.String(), "out="+hx(tr.NodeCommit(k)))
			require.Contains(t, out.String(), "sk="+hx(tr.States[k]))

			wrong := tr.States[k]
			wrong[7] ^= 0x10
			out.Reset()
			code = run(args, request(o, tr.States[k-1], wrong, uint32(k)), &out, &errb)
			require.Equal(t, exitInvalid, code)
			require.Contains(t, out.String(), "sk="+hx(tr.States[k])+" valid=false")
		}
	}
}

func TestRunBadRequests(t *testing.T) {
	ex, tr, o := setup(t, "fashion-mnist")
	args := []string{"aivm-kernel", hx(ex.Root)}
	n := uint32(len(tr.States) - 1)
	for _, c := range []struct {
		name string
		args []string
		s    *mapStream
	}{
		{"no argv root", args[:1], request(o, tr.States[0], tr.States[1], 1)},
		{"bad argv root", []string{"aivm-kernel", "0x12"}, request(o, tr.States[0], tr.States[1], 1)},
		{"other model root", []string{"aivm-kernel", hx(tr.States[0])}, request(o, tr.States[0], tr.States[1], 1)},
		{"k=0", args, request(o, tr.States[0], tr.States[1], 0)},
		{"k=n+1", args, request(o, tr.States[n], tr.States[n], n+1)},
		{"skipped node", args, request(o, tr.States[1], tr.States[1], 1)},
	} {
		var out, errb bytes.Buffer
		require.Equal(t, exitBadRequest, run(c.args, c.s, &out, &errb), c.name)
		require.Empty(t, out.String(), c.name)
		require.NotEmpty(t, errb.String(), c.name)
	}
}

// Malformed tensors under a valid-looking tree are refused (exit 2) the way
// models/kernel.ReadTensor refuses them: wrong depth, non-zero padding,
// truncated chunks, a chunk where an inner node belongs.
func TestReadTensorMalformed(t *testing.T) {
	_, tr, _ := setup(t, "fashion-mnist")
	good := tr.Values[2] // node 2's output, i8 [256]: one chunk
	enc, err := good.Encode()
	require.NoError(t, err)
	pad := func(b []byte) []byte { return append(append([]byte(nil), b...), make([]byte, 1024-len(b))...) }

	read := func(o mkernel.MapOracle, root merkle.Hash) error {
		c := newChecker(&mapStream{pre: o})
		_, err := c.readTensor(root[:])
		return err
	}
	o := mkernel.MapOracle{}
	root := o.Add(pad(enc))
	require.NoError(t, read(o, root))
	tt, err := newChecker(&mapStream{pre: o}).readTensor(root[:])
	require.NoError(t, err)
	require.Equal(t, good.I8, tt.I8)

	// Non-zero padding.
	p := pad(enc)
	p[1023] = 1
	require.ErrorIs(t, read(o, o.Add(p)), errMalformed)
	// Too deep: a one-chunk tensor under an inner node.
	var pair [64]byte
	copy(pair[:], root[:])
	require.ErrorIs(t, read(o, o.Add(pair[:])), errMalformed)
	// Neither a chunk nor a node.
	require.ErrorIs(t, read(o, o.Add(enc)), errMalformed)
	// Bad header.
	bad := pad(enc)
	bad[0] = 'X'
	require.ErrorIs(t, read(o, o.Add(bad)), errMalformed)
}

func hx(h merkle.Hash) string { return "0x" + hex.EncodeToString(h[:]) }

// FuzzRun corrupts one preimage of a valid request (a byte, or a
// truncation) and requires a verdict or an invalid request, never a panic.
func FuzzRun(f *testing.F) {
	ex, tr, o := setup(&testing.T{}, "fashion-mnist")
	keys := make([]merkle.Hash, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b merkle.Hash) int { return bytes.Compare(a[:], b[:]) })
	args := []string{"aivm-kernel", hx(ex.Root)}
	for i := range 12 {
		f.Add(uint16(i*97), uint16(i*13), byte(i), i%3 == 0, uint8(i%5+1))
	}
	f.Fuzz(func(t *testing.T, ki, off uint16, val byte, cut bool, k uint8) {
		k = k%uint8(len(tr.States)-1) + 1
		key := keys[int(ki)%len(keys)]
		v := o[key]
		bad := append([]byte(nil), v...)
		if cut {
			bad = bad[:int(off)%(len(bad)+1)]
		} else if len(bad) > 0 {
			bad[int(off)%len(bad)] ^= val | 1
		}
		mut := maps.Clone(o)
		mut[key] = bad
		var out, errb bytes.Buffer
		code := run(args, request(mut, tr.States[k-1], tr.States[k], uint32(k)), &out, &errb)
		require.Contains(t, []int{exitValid, exitInvalid, exitBadRequest}, code)
	})
}
