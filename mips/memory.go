package mips

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"sync/atomic"
	"unsafe"
)

// Memory layout of the Merkle tree (1.2): 2^27 leaves of 32 bytes. The tree is
// split at 4 KiB pages: a page holds 128 leaves and caches the 63 inner nodes
// of levels 2..7 of its own subtree; a level-1 node (the hash of two adjacent
// leaves) is recomputed with one keccak when a proof or a rehash needs it.
// WHY: caching all 127 inner nodes made a page object 8,240 B (a 9,472 B
// allocation) per 4 KiB of guest data; without level 1 it is exactly 6,144 B,
// a Go size class, so live memory is 1.5x guest memory (docs/bench/trace.md).
// Pages are grouped in directories of 256 (1 MiB), each
// caching the 8 levels above its pages; the 12 levels above directories live
// in sparse maps. Writes only mark leaves dirty; hashes are recomputed lazily
// when Root or Proof is asked (flush), along dirty paths only. An absent page,
// directory or node is all zeros.
//
// Copy-on-write: Snapshot shares pages and directories between two memories.
// Each memory has an epoch, each page and directory the epoch of the memory
// that may write it in place (its owner); a memory copies any object it does
// not own before its first write (writable, writableDir). Snapshot gives both
// memories fresh epochs, so after it neither owns a shared object. Shared
// objects are never written: Snapshot flushes first and every page's hash
// cache is complete after a flush (new pages start complete), so reading a
// shared page's hashes stores nothing (a level-1 node is computed into a
// local, never cached).
const (
	pageShift   = 12
	pageSize    = 1 << pageShift
	pageMask    = pageSize - 1
	pageLeaves  = pageSize / 32    // 128
	pageHeight  = 7                // levels from a leaf to the page root
	pageCached  = pageLeaves/2 - 1 // inner nodes cached per page: levels 2..7 (63)
	upperHeight = MemDepth - pageHeight
	dirShift    = 20 // top 12 address bits select a directory slot
	dirSize     = 1 << (32 - dirShift)
	dirPages    = 1 << (dirShift - pageShift)
	dirHeight   = dirShift - pageShift // upper levels 1..dirHeight are cached per directory
	topLevels   = upperHeight - dirHeight
)

// page is 4 KiB of guest memory and the cached inner nodes of its subtree.
// Heap indices: 1 is the page root, node i has children 2i and 2i+1, 64..127
// are level 1 (not cached), 128..255 the leaves (the data itself). The
// cached nodes 1..63 are complete whenever no leaf is dirty: rehash brings
// them up to date bottom-up, so no per-node valid bits are needed. WHY the
// field sizes: they add up to 6,144 B, a Go size class (TestPageObjectSize).
type page struct {
	data  [pageSize]byte
	nodes [pageCached][32]byte // heap node i (1..pageCached) at nodes[i-1]
	dirty [2]uint64            // bit j: leaf j changed since the last rehash
	// listed is set while the page is in Memory.dirtyPages.
	listed bool
	// owner is the epoch of the one Memory allowed to write the page in place.
	owner uint64
}

// directory holds 256 consecutive pages and the upper tree levels
// 1..dirHeight (8) above them, heap-indexed: nodes[1] is the directory root
// (level dirHeight) and level h's node j (counted from the directory's
// first) is at 1<<(dirHeight-h) | j; level 0, the page roots, is each
// page's nodes[1]. WHY 1 MiB directories: a snapshot interval copies every
// directory it writes to, so smaller ones hold less (docs/bench/trace.md).
type directory struct {
	pages [dirPages]*page
	nodes [dirPages][32]byte
	owner uint64
}

// Memory is the VM's sparse, merkleized 32-bit address space.
type Memory struct {
	dir        [dirSize]*directory
	top        [topLevels]map[uint32][32]byte // top[h-dirHeight-1]: level h; top[topLevels-1][0]: root
	dirtyPages []uint32
	npages     int
	k          *hasher
	epoch      uint64
}

// epochs hands out Memory epochs; 0 is never used, so a zero owner is foreign.
var epochs atomic.Uint64

// emptyPage and emptyDir carry complete hash caches of all-zero contents;
// new objects start as copies, so shared objects never need lazy hashing.
var emptyPage, emptyDir = func() (*page, *directory) {
	p := &page{}
	for i := 1; i <= pageCached; i++ {
		p.nodes[i-1] = zeroHashes[pageHeight-bits.Len(uint(i))+1]
	}
	d := &directory{}
	for i := 1; i < dirPages; i++ {
		d.nodes[i] = zeroHashes[pageHeight+dirHeight-bits.Len(uint(i))+1]
	}
	return p, d
}()

// NewMemory returns an all-zero memory.
func NewMemory() *Memory {
	m := &Memory{k: newHasher(), epoch: epochs.Add(1)}
	for i := range m.top {
		m.top[i] = make(map[uint32][32]byte)
	}
	return m
}

// PageCount is the number of 4 KiB pages held: written (or read by the fast
// path) and not dropped since by ZeroSubtree.
func (m *Memory) PageCount() int { return m.npages }

// lookup returns the page holding addr, or nil when it was never written.
// The page may be shared: read it only.
func (m *Memory) lookup(addr uint32) *page {
	d := m.dir[addr>>dirShift]
	if d == nil {
		return nil
	}
	return d.pages[(addr>>pageShift)&(dirPages-1)]
}

// writableDir returns directory di owned by m, creating or copying it.
func (m *Memory) writableDir(di uint32) *directory {
	d := m.dir[di]
	if d != nil && d.owner == m.epoch {
		return d
	}
	nd := new(directory)
	if d == nil {
		*nd = *emptyDir
	} else {
		*nd = *d
	}
	nd.owner = m.epoch
	m.dir[di] = nd
	return nd
}

// newPage adds an all-zero page owned by m at addr's slot of directory d.
func (m *Memory) newPage(d *directory, addr uint32) *page {
	p := new(page)
	*p = *emptyPage
	p.owner = m.epoch
	d.pages[(addr>>pageShift)&(dirPages-1)] = p
	m.npages++
	return p
}

// alloc returns the page holding addr, creating it if needed. The page may
// be shared: read it only (writable is for writes).
func (m *Memory) alloc(addr uint32) *page {
	if p := m.lookup(addr); p != nil {
		return p
	}
	return m.newPage(m.writableDir(addr>>dirShift), addr)
}

// writable returns the page holding addr owned by m, creating it or copying
// a shared one first.
func (m *Memory) writable(addr uint32) *page {
	p := m.lookup(addr)
	if p != nil && p.owner == m.epoch {
		return p
	}
	d := m.writableDir(addr >> dirShift)
	if p == nil {
		return m.newPage(d, addr)
	}
	// A shared page is clean (Snapshot flushed it), so the copy starts clean.
	np := new(page)
	*np = *p
	np.owner = m.epoch
	d.pages[(addr>>pageShift)&(dirPages-1)] = np
	return np
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
	p := m.writable(addr)
	binary.BigEndian.PutUint32(p.data[addr&pageMask:], v)
	m.touch(p, addr)
}

// SetBytes copies b to memory starting at addr (wrapping at 2^32).
func (m *Memory) SetBytes(addr uint32, b []byte) {
	for len(b) > 0 {
		p := m.writable(addr)
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

// node returns the hash of heap node i (1..255) of p. Cached nodes must be
// current (no dirty leaf: after rehash or flush). It never writes p, so it
// may read a page shared with a snapshot.
func (p *page) node(k *hasher, i uint32) [32]byte {
	switch {
	case i >= pageLeaves:
		return *p.leaf(i)
	case i > pageCached:
		return k.pair(p.leaf(2*i), p.leaf(2*i+1)) // level 1: not cached
	default:
		return p.nodes[i-1]
	}
}

// pairBits halves a dirty mask: bit i of the result is set when bit 2i or
// 2i+1 of x is, i.e. it maps the dirty children of a level to their parents.
func pairBits(x uint64) uint64 {
	x = (x | x>>1) & 0x5555555555555555
	x = (x | x>>1) & 0x3333333333333333
	x = (x | x>>2) & 0x0F0F0F0F0F0F0F0F
	x = (x | x>>4) & 0x00FF00FF00FF00FF
	x = (x | x>>8) & 0x0000FFFF0000FFFF
	return (x | x>>16) & 0x00000000FFFFFFFF
}

// rehash recomputes the cached ancestors of the dirty leaves, level by level
// from the bottom, clears the dirty bits and returns the page root. It does
// the same keccaks as the former lazy walk, plus one per level-2 node
// recomputed whose two level-1 children were not both on dirty paths.
func (p *page) rehash(k *hasher) [32]byte {
	lo, hi := p.dirty[0], p.dirty[1]
	if lo|hi == 0 {
		return p.nodes[0]
	}
	p.dirty = [2]uint64{}
	// Dirty nodes of level 1 (64 bits), then level 2 (32).
	m := pairBits(pairBits(lo) | pairBits(hi)<<32)
	for b := m; b != 0; b &= b - 1 {
		i := uint32(pageLeaves/4 + trailingZeros64(b))
		l, r := p.node(k, 2*i), p.node(k, 2*i+1)
		p.nodes[i-1] = k.pair(&l, &r)
	}
	for base := uint32(pageLeaves / 8); base >= 1; base >>= 1 {
		m = pairBits(m)
		for b := m; b != 0; b &= b - 1 {
			i := base + uint32(trailingZeros64(b))
			p.nodes[i-1] = k.pair(&p.nodes[2*i-1], &p.nodes[2*i])
		}
	}
	return p.nodes[0]
}

// flush brings every cached hash up to date.
func (m *Memory) flush() {
	if len(m.dirtyPages) == 0 {
		return
	}
	idx := m.dirtyPages
	for _, pi := range idx {
		// A page dropped by ZeroSubtree is listed without an object: its
		// root is Z[7], and only its ancestors need recomputing.
		if p := m.lookup(pi << pageShift); p != nil {
			p.listed = false
			p.rehash(m.k)
		}
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
			m.setUpper(h, par, m.k.pair(&l, &r))
		}
	}
	m.dirtyPages = m.dirtyPages[:0]
}

// upperNode returns node i of upper level h (0 = page roots, upperHeight =
// the root). Caches must be current (after flush).
func (m *Memory) upperNode(h int, i uint32) [32]byte {
	switch {
	case h == 0:
		if p := m.lookup(i << pageShift); p != nil {
			return p.node(m.k, 1)
		}
	case h <= dirHeight:
		if d := m.dir[i>>(dirHeight-h)]; d != nil {
			return d.nodes[1<<(dirHeight-h)|i&(1<<(dirHeight-h)-1)]
		}
	default:
		if v, ok := m.top[h-dirHeight-1][i]; ok {
			return v
		}
	}
	return zeroHashes[pageHeight+h]
}

// setUpper stores node i of upper level h >= 1.
func (m *Memory) setUpper(h int, i uint32, v [32]byte) {
	if h <= dirHeight {
		d := m.writableDir(i >> (dirHeight - h))
		d.nodes[1<<(dirHeight-h)|i&(1<<(dirHeight-h)-1)] = v
		return
	}
	m.top[h-dirHeight-1][i] = v
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
	m.upperSiblings(&out, addr>>pageShift, 0)
	return out
}

// upperSiblings writes into out, a proof in the form of Proof, the siblings of
// upper levels from..upperHeight-1 on the path of page pi. Caches must be
// current.
func (m *Memory) upperSiblings(out *[ProofSize]byte, pi uint32, from int) {
	for h := from; h < upperHeight; h++ {
		s := m.upperNode(h, (pi>>h)^1)
		copy(out[32*(pageHeight+h+1):], s[:])
	}
}

// SubtreeProof returns the proof of the aligned subtree of height h
// (pageHeight..MemDepth-1) holding addr, in the form of Proof: the subtree's
// root in place of the leaf, Z[0..h-1] as the siblings below it (so that
// CompactProof elides them) and its real siblings from level h up (1.11).
func (m *Memory) SubtreeProof(addr uint32, h int) (out [ProofSize]byte) {
	checkSubtreeHeight(h)
	m.flush()
	pi := addr >> pageShift
	node := m.upperNode(h-pageHeight, pi>>(h-pageHeight))
	copy(out[:32], node[:])
	for l := 0; l < h; l++ {
		copy(out[32*(l+1):], zeroHashes[l][:])
	}
	m.upperSiblings(&out, pi, h-pageHeight)
	return out
}

// ZeroSubtree makes the aligned subtree of height h (pageHeight..MemDepth-1)
// holding addr read as zero (madvise and mmap, 1.8). It drops the subtree's
// pages rather than clearing them, so released memory costs the host nothing
// and the time taken is proportional to the pages held, not to the range.
func (m *Memory) ZeroSubtree(addr uint32, h int) {
	checkSubtreeHeight(h)
	size := uint64(1) << (h + 5)
	start := uint64(addr) &^ (size - 1)
	end := start + size
	for a := start; a < end; {
		di := uint32(a >> dirShift)
		dirEnd := min(end, uint64(di+1)<<dirShift)
		d := m.dir[di]
		if d == nil {
			a = dirEnd
			continue
		}
		var wd *directory // d, or its copy once a page of it is dropped
		for ; a < dirEnd; a += pageSize {
			j := uint32(a>>pageShift) & (dirPages - 1)
			if d.pages[j] == nil {
				continue
			}
			if wd == nil {
				wd = m.writableDir(di)
			}
			wd.pages[j] = nil
			m.npages--
			m.dirtyPages = append(m.dirtyPages, uint32(a>>pageShift))
		}
	}
}

func checkSubtreeHeight(h int) {
	if h < pageHeight || h >= MemDepth {
		panic(fmt.Sprintf("mips: subtree height %d outside [%d, %d)", h, pageHeight, MemDepth))
	}
}

// Copy returns a deep copy of m.
func (m *Memory) Copy() *Memory {
	m.flush()
	c := NewMemory()
	for di, d := range m.dir {
		if d == nil {
			continue
		}
		nd := &directory{nodes: d.nodes, owner: c.epoch}
		for pi, p := range d.pages {
			if p != nil {
				np := new(page)
				*np = *p
				np.owner = c.epoch
				nd.pages[pi] = np
				c.npages++
			}
		}
		c.dir[di] = nd
	}
	for h := range m.top {
		maps.Copy(c.top[h], m.top[h])
	}
	return c
}

// Snapshot returns a copy-on-write copy of m in time proportional to the
// number of directories, not of pages: both memories share every page and
// directory, and whichever writes a shared one first copies it. It flushes
// and re-epochs m, so it must not run concurrently with other uses of m;
// afterwards m and the snapshot may be used from different goroutines (shared
// objects are never written).
func (m *Memory) Snapshot() *Memory {
	m.flush()
	c := &Memory{dir: m.dir, npages: m.npages, k: newHasher(), epoch: epochs.Add(1)}
	for h := range m.top {
		c.top[h] = maps.Clone(m.top[h])
	}
	m.epoch = epochs.Add(1)
	return c
}

// Sizes of the objects Snapshot shares, for memory accounting.
const (
	PageObjectBytes      = int(unsafe.Sizeof(page{}))
	DirectoryObjectBytes = int(unsafe.Sizeof(directory{}))
)

// BytesNotIn returns how many bytes of page and directory objects m holds
// that base (nil: nothing) does not hold in the same slot, plus m's own
// struct and upper map entries (approximately). Pages never move between slots, so for
// successive snapshots of one memory this is exactly what the later one
// holds that the earlier does not.
func (m *Memory) BytesNotIn(base *Memory) uint64 {
	n := uint64(unsafe.Sizeof(*m))
	for di, d := range m.dir {
		var bd *directory
		if base != nil {
			bd = base.dir[di]
		}
		if d == nil || d == bd {
			continue
		}
		n += uint64(DirectoryObjectBytes)
		for pi, p := range d.pages {
			if p != nil && (bd == nil || bd.pages[pi] != p) {
				n += uint64(PageObjectBytes)
			}
		}
	}
	for h := range m.top {
		n += uint64(len(m.top[h])) * (4 + 32)
	}
	return n
}
