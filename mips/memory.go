package mips

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Memory layout of the Merkle tree (1.2): 2^27 leaves of 32 bytes. The tree is
// split at 4 KiB pages: a page holds 128 leaves and caches the 127 inner nodes
// of its own subtree; the 20 levels above pages live in sparse maps. Writes
// only mark leaves dirty; hashes are recomputed lazily when Root or Proof is
// asked, along dirty paths only. An absent page or node is all zeros.
const (
	pageShift   = 12
	pageSize    = 1 << pageShift
	pageMask    = pageSize - 1
	pageLeaves  = pageSize / 32 // 128
	pageHeight  = 7             // levels from a leaf to the page root
	upperHeight = MemDepth - pageHeight
	dirShift    = 22 // top 10 address bits select a directory slot
	dirSize     = 1 << (32 - dirShift)
	dirPages    = 1 << (dirShift - pageShift)
)

type page struct {
	data  [pageSize]byte
	nodes [pageLeaves][32]byte // heap-indexed inner nodes: 1 = page root, children 2i, 2i+1
	valid [2]uint64            // bit i: nodes[i] is up to date
	dirty [2]uint64            // bit j: leaf j changed since the last rehash
	// listed is set while the page is in Memory.dirtyPages.
	listed bool
}

// Memory is the VM's sparse, merkleized 32-bit address space.
type Memory struct {
	dir        [dirSize]*[dirPages]*page
	upper      [upperHeight + 1]map[uint32][32]byte // upper[0]: page roots; upper[20][0]: root
	dirtyPages []uint32
	npages     int
	k          *hasher
}

// NewMemory returns an all-zero memory.
func NewMemory() *Memory {
	m := &Memory{k: newHasher()}
	for i := range m.upper {
		m.upper[i] = make(map[uint32][32]byte)
	}
	return m
}

// PageCount is the number of 4 KiB pages ever written.
func (m *Memory) PageCount() int { return m.npages }

// lookup returns the page holding addr, or nil when it was never written.
func (m *Memory) lookup(addr uint32) *page {
	d := m.dir[addr>>dirShift]
	if d == nil {
		return nil
	}
	return d[(addr>>pageShift)&(dirPages-1)]
}

// alloc returns the page holding addr, creating it if needed.
func (m *Memory) alloc(addr uint32) *page {
	d := m.dir[addr>>dirShift]
	if d == nil {
		d = new([dirPages]*page)
		m.dir[addr>>dirShift] = d
	}
	i := (addr >> pageShift) & (dirPages - 1)
	p := d[i]
	if p == nil {
		p = new(page)
		d[i] = p
		m.npages++
	}
	return p
}

// touch marks the leaf holding addr dirty. Cheap enough for the fast path.
func (m *Memory) touch(p *page, addr uint32) {
	j := (addr & pageMask) >> 5
	p.dirty[j>>6] |= 1 << (j & 63)
	if !p.listed {
		p.listed = true
		m.dirtyPages = append(m.dirtyPages, addr>>pageShift)
	}
}

// GetWord reads the big-endian word at addr (which must be 4-aligned).
func (m *Memory) GetWord(addr uint32) uint32 {
	if addr&3 != 0 {
		panic(fmt.Sprintf("mips: GetWord of misaligned address %#x", addr))
	}
	p := m.lookup(addr)
	if p == nil {
		return 0
	}
	return binary.BigEndian.Uint32(p.data[addr&pageMask:])
}

// SetWord writes the big-endian word v at addr (which must be 4-aligned).
func (m *Memory) SetWord(addr uint32, v uint32) {
	if addr&3 != 0 {
		panic(fmt.Sprintf("mips: SetWord of misaligned address %#x", addr))
	}
	p := m.alloc(addr)
	binary.BigEndian.PutUint32(p.data[addr&pageMask:], v)
	m.touch(p, addr)
}

// SetBytes copies b to memory starting at addr (wrapping at 2^32).
func (m *Memory) SetBytes(addr uint32, b []byte) {
	for len(b) > 0 {
		p := m.alloc(addr)
		off := addr & pageMask
		n := copy(p.data[off:], b)
		for a := off &^ 31; a < off+uint32(n); a += 32 {
			m.touch(p, addr&^pageMask|a)
		}
		b = b[n:]
		addr += uint32(n)
	}
}

// ReadBytes returns n bytes starting at addr (wrapping at 2^32).
func (m *Memory) ReadBytes(addr uint32, n int) []byte {
	out := make([]byte, n)
	for done := 0; done < n; {
		off := addr & pageMask
		chunk := min(n-done, int(pageSize-off))
		if p := m.lookup(addr); p != nil {
			copy(out[done:done+chunk], p.data[off:])
		}
		done += chunk
		addr += uint32(chunk)
	}
	return out
}

// leaf returns the 32-byte leaf value at heap index i (128..255) of p.
func (p *page) leaf(i uint32) *[32]byte {
	return (*[32]byte)(p.data[(i-pageLeaves)*32:])
}

// node returns the hash of heap node i (1..255) of p, computing stale nodes.
func (p *page) node(k *hasher, i uint32) [32]byte {
	if i >= pageLeaves {
		return *p.leaf(i)
	}
	if p.valid[i>>6]&(1<<(i&63)) != 0 {
		return p.nodes[i]
	}
	l, r := p.node(k, 2*i), p.node(k, 2*i+1)
	p.nodes[i] = k.pair(&l, &r)
	p.valid[i>>6] |= 1 << (i & 63)
	return p.nodes[i]
}

// rehash invalidates the paths of dirty leaves and returns the page root.
func (p *page) rehash(k *hasher) [32]byte {
	for w := range p.dirty {
		for bits := p.dirty[w]; bits != 0; bits &= bits - 1 {
			j := uint32(w*64) + uint32(trailingZeros64(bits))
			// Ancestors of an invalid node are invalid, so stop early.
			for i := (pageLeaves + j) >> 1; i >= 1; i >>= 1 {
				if p.valid[i>>6]&(1<<(i&63)) == 0 {
					break
				}
				p.valid[i>>6] &^= 1 << (i & 63)
			}
		}
		p.dirty[w] = 0
	}
	return p.node(k, 1)
}

// flush brings every cached hash up to date.
func (m *Memory) flush() {
	if len(m.dirtyPages) == 0 {
		return
	}
	idx := m.dirtyPages
	for _, pi := range idx {
		p := m.lookup(pi << pageShift)
		p.listed = false
		m.upper[0][pi] = p.rehash(m.k)
	}
	slices.Sort(idx)
	for h := 1; h <= upperHeight; h++ {
		// Parents of the changed nodes at level h-1, deduplicated in place.
		n := 0
		for _, c := range idx {
			par := c >> 1
			if n > 0 && idx[n-1] == par {
				continue
			}
			idx[n] = par
			n++
		}
		idx = idx[:n]
		for _, par := range idx {
			l := m.upperNode(h-1, 2*par)
			r := m.upperNode(h-1, 2*par+1)
			m.upper[h][par] = m.k.pair(&l, &r)
		}
	}
	m.dirtyPages = m.dirtyPages[:0]
}

func (m *Memory) upperNode(h int, i uint32) [32]byte {
	if v, ok := m.upper[h][i]; ok {
		return v
	}
	return zeroHashes[pageHeight+h]
}

// Root returns the memory root (1.2).
func (m *Memory) Root() [32]byte {
	m.flush()
	return m.upperNode(upperHeight, 0)
}

// Proof returns the 896-byte memory proof for addr: the leaf holding addr and
// its 27 siblings from the leaf level upward (1.2).
func (m *Memory) Proof(addr uint32) (out [ProofSize]byte) {
	m.flush()
	p := m.lookup(addr)
	j := (addr & pageMask) >> 5
	if p != nil {
		copy(out[:32], p.leaf(pageLeaves + j)[:])
		i := pageLeaves + j
		for h := 0; h < pageHeight; h++ {
			s := p.node(m.k, i^1)
			copy(out[32*(h+1):], s[:])
			i >>= 1
		}
	} else {
		for h := 0; h < pageHeight; h++ {
			copy(out[32*(h+1):], zeroHashes[h][:])
		}
	}
	pi := addr >> pageShift
	for h := 0; h < upperHeight; h++ {
		s := m.upperNode(h, (pi>>h)^1)
		copy(out[32*(pageHeight+h+1):], s[:])
	}
	return out
}

// Copy returns a deep copy of m.
func (m *Memory) Copy() *Memory {
	m.flush()
	c := NewMemory()
	for di, d := range m.dir {
		if d == nil {
			continue
		}
		nd := new([dirPages]*page)
		for pi, p := range d {
			if p != nil {
				np := *p
				nd[pi] = &np
				c.npages++
			}
		}
		c.dir[di] = nd
	}
	for h := range m.upper {
		for k, v := range m.upper[h] {
			c.upper[h][k] = v
		}
	}
	return c
}

// ForEachPage calls f for every page ever written, in address order.
func (m *Memory) ForEachPage(f func(addr uint32, data *[pageSize]byte)) {
	for di, d := range m.dir {
		if d == nil {
			continue
		}
		for pi, p := range d {
			if p != nil {
				f(uint32(di)<<dirShift|uint32(pi)<<pageShift, &p.data)
			}
		}
	}
}
