package mips

import (
	"fmt"
)

// VerifyStep re-executes one step from a witness alone, without the memory,
// exactly as MIPS.step does on chain (1.11): it checks the thread against the
// active stack root and every memory proof against the memory root current at
// that point, runs the instruction, and returns the post-state hash. Any
// malformed input is an error wrapping ErrMalformed; a guest fault is not an
// error (it yields the PANIC post-state).
func VerifyStep(w *StepWitness) ([32]byte, error) {
	d, err := VerifyStepData(w)
	if err != nil {
		return [32]byte{}, err
	}
	return d.Hash(), nil
}

// VerifyStepData is VerifyStep returning the whole post-state.
func VerifyStepData(w *StepWitness) (*StateData, error) {
	d, err := DecodeStateData(w.State)
	if err != nil {
		return nil, err
	}
	if d.Exited {
		return d, nil
	}
	if len(w.Proof) < ThreadProofSize {
		return nil, fmt.Errorf("%w: proof is %d bytes", ErrMalformed, len(w.Proof))
	}
	proofs, bitmaps, err := splitProofs(w.Proof[ThreadProofSize:])
	if err != nil {
		return nil, err
	}
	t, err := DecodeThread(w.Proof[:ThreadSize])
	if err != nil {
		return nil, err
	}
	var below [32]byte
	copy(below[:], w.Proof[ThreadSize:ThreadProofSize])
	active, inactive := &d.LeftStack, &d.RightStack
	if d.TraverseRight {
		active, inactive = inactive, active
	}
	if PushThread(below, t.Hash()) != *active {
		return nil, fmt.Errorf("%w: thread does not match the active stack root", ErrMalformed)
	}
	pm := &proofMem{root: d.MemRoot, raw: proofs, bitmaps: bitmaps, n: len(proofs)}

	d.Step++
	if d.StepsSinceSwitch >= Quantum {
		if pm.n != 0 {
			return nil, fmt.Errorf("%w: quantum expiry takes no memory proof, got %d", ErrMalformed, pm.n)
		}
		d.PassWake = 0
		preemptRoots(d, active, inactive, below, t)
		return d, nil
	}
	g := globals{
		PreimageKey: d.PreimageKey, PreimageOffset: d.PreimageOffset, Heap: d.Heap,
		LLActive: d.LLActive, LLAddress: d.LLAddress, Now: now(d.Step-1, d.TimeOffset), NextThreadID: d.NextThreadID,
	}
	c := core{g: &g, mem: pm, src: &witnessSource{w: w}}
	act, code, child, err := c.exec(t)
	if err != nil {
		return nil, err
	}
	if pm.used != pm.n {
		return nil, fmt.Errorf("%w: step used %d memory proofs, witness has %d", ErrMalformed, pm.used, pm.n)
	}
	if act == actHalt {
		d.Exited, d.ExitCode = true, code
		return d, nil
	}
	d.MemRoot = pm.root
	d.PreimageKey, d.PreimageOffset, d.Heap = g.PreimageKey, g.PreimageOffset, g.Heap
	d.LLActive, d.LLAddress, d.NextThreadID = g.LLActive, g.LLAddress, g.NextThreadID
	if act == actWait {
		waitStep(&d.PassWake, t.WaitUntil)
	} else {
		d.PassWake = 0
	}
	switch act {
	case actNormal:
		*active = PushThread(below, t.Hash())
		d.StepsSinceSwitch++
	case actYield, actWait:
		preemptRoots(d, active, inactive, below, t)
	case actThreadExit:
		*active = below
		if below == ([32]byte{}) {
			if *inactive == ([32]byte{}) {
				d.Exited, d.ExitCode = true, code
			} else {
				flipRoots(d)
			}
		}
		d.StepsSinceSwitch, d.LLActive = 0, false
	case actClone:
		*active = PushThread(PushThread(below, t.Hash()), child.Hash())
		d.StepsSinceSwitch, d.LLActive = 0, false
	}
	return d, nil
}

func preemptRoots(d *StateData, active, inactive *[32]byte, below [32]byte, t *Thread) {
	*inactive = PushThread(*inactive, t.Hash())
	*active = below
	if below == ([32]byte{}) {
		flipRoots(d)
	}
	d.StepsSinceSwitch, d.LLActive = 0, false
}

// flipRoots switches the active stack at the end of a pass (1.5).
func flipRoots(d *StateData) {
	d.TraverseRight = !d.TraverseRight
	endPass(d.Step, &d.TimeOffset, &d.PassWake)
}

// proofMem is memAccess backed only by memory proofs. A slot is verified
// against the current root on first use; writes recompute the root along the
// slot's path with the same siblings.
type proofMem struct {
	root     [32]byte
	raw      [][ProofSize]byte // the supplied proofs, expanded
	bitmaps  []uint32          // their compact bitmaps
	n        int               // proofs supplied
	used     int               // highest slot used + 1
	leaves   [3][32]byte
	leafIdx  [3]uint32
	verified [3]bool
	k        *hasher
}

func (p *proofMem) rootFrom(leaf *[32]byte, slot int, idx uint32) [32]byte {
	return p.rootFromLevel(leaf, slot, idx, 0)
}

// rootFromLevel is the root above node, the node at index idx of level from,
// with the siblings of proof slot from that level up.
func (p *proofMem) rootFromLevel(node *[32]byte, slot int, idx uint32, from int) [32]byte {
	if p.k == nil {
		p.k = newHasher()
	}
	n := *node
	sib := p.raw[slot][32:]
	for h := from; h < MemDepth; h++ {
		s := (*[32]byte)(sib[32*h:])
		if idx>>(h-from)&1 == 1 {
			n = p.k.pair(s, &n)
		} else {
			n = p.k.pair(&n, s)
		}
	}
	return n
}

// use records that the step uses proof slot.
func (p *proofMem) use(slot int) error {
	if slot >= p.n {
		return fmt.Errorf("%w: step needs memory proof %d, witness has %d", ErrMalformed, slot, p.n)
	}
	if slot+1 > p.used {
		p.used = slot + 1
	}
	return nil
}

// zero checks proof slot as the subtree proof of the height-h subtree holding
// addr and replaces that subtree by Z[h] (1.8, 1.11).
func (p *proofMem) zero(addr uint32, h int, slot int) error {
	if err := p.use(slot); err != nil {
		return err
	}
	if p.verified[slot] {
		return fmt.Errorf("%w: proof slot %d reused", errHost, slot)
	}
	below := uint32(1)<<h - 1
	idx := addr >> (5 + h)
	node := [32]byte(p.raw[slot][:32])
	if p.bitmaps[slot]&below != below || p.rootFromLevel(&node, slot, idx, h) != p.root {
		return fmt.Errorf("%w: subtree proof %d for address %#x, height %d, does not verify", ErrMalformed, slot, addr, h)
	}
	p.verified[slot] = true
	p.root = p.rootFromLevel(&zeroHashes[h], slot, idx, h)
	return nil
}

func (p *proofMem) ensure(addr uint32, slot int) error {
	if err := p.use(slot); err != nil {
		return err
	}
	idx := addr >> 5
	if p.verified[slot] {
		if p.leafIdx[slot] != idx {
			return fmt.Errorf("%w: proof slot %d reused for another leaf", errHost, slot)
		}
		return nil
	}
	copy(p.leaves[slot][:], p.raw[slot][:32])
	if p.rootFrom(&p.leaves[slot], slot, idx) != p.root {
		return fmt.Errorf("%w: memory proof %d for address %#x does not verify", ErrMalformed, slot, addr)
	}
	p.verified[slot], p.leafIdx[slot] = true, idx
	return nil
}

func (p *proofMem) load(addr uint32, slot int) (uint32, error) {
	if err := p.ensure(addr, slot); err != nil {
		return 0, err
	}
	o := addr & 31
	l := &p.leaves[slot]
	return uint32(l[o])<<24 | uint32(l[o+1])<<16 | uint32(l[o+2])<<8 | uint32(l[o+3]), nil
}

func (p *proofMem) store(addr uint32, v uint32, slot int) error {
	if err := p.ensure(addr, slot); err != nil {
		return err
	}
	o := addr & 31
	l := &p.leaves[slot]
	l[o], l[o+1], l[o+2], l[o+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	p.root = p.rootFrom(l, slot, addr>>5)
	return nil
}

func (p *proofMem) loadBytes(addr, n uint32, slot int) ([]byte, error) {
	if err := p.ensure(addr, slot); err != nil {
		return nil, err
	}
	o := addr & 31
	return append([]byte(nil), p.leaves[slot][o:o+n]...), nil
}

// storeBytes splices b into the leaf at addr & 31 and recomputes the root once.
func (p *proofMem) storeBytes(addr uint32, b []byte, slot int) error {
	if err := p.ensure(addr, slot); err != nil {
		return err
	}
	l := &p.leaves[slot]
	copy(l[addr&31:], b)
	p.root = p.rootFrom(l, slot, addr>>5)
	return nil
}

// witnessSource serves the preimage carried by the witness, checking that it
// is the part the step asks for and, for keccak keys, that it hashes to the key.
type witnessSource struct{ w *StepWitness }

func (s *witnessSource) stream(key [32]byte, offset uint32) ([]byte, error) {
	w := s.w
	if !w.HasPreimage || w.PreimageKey != key || w.PreimageOffset != offset {
		return nil, fmt.Errorf("%w: step reads preimage %x at offset %d, witness does not carry it", ErrMalformed, key, offset)
	}
	if key[0] == KeyTypeKeccak {
		h := Keccak256(w.PreimageValue)
		h[0] = KeyTypeKeccak
		if h != key {
			return nil, fmt.Errorf("%w: preimage does not hash to keccak key %x", ErrMalformed, key)
		}
	}
	return streamPart(w.PreimageValue, offset), nil
}
