package mips

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// StepWitness is everything MIPS.step needs for one step (1.11): the pre-state
// encoding, the proof (thread ‖ I ‖ memory proofs) and, when the step reads
// the oracle, the key, offset and whole preimage so the caller can load the
// part into the PreimageOracle contract first.
type StepWitness struct {
	State          []byte // StateSize (180) bytes
	Proof          []byte // thread ‖ innerRoot ‖ memory proofs
	HasPreimage    bool
	PreimageKey    [32]byte
	PreimageOffset uint32
	PreimageValue  []byte // the full preimage P
}

// witnessMagic starts the binary witness form; version 1.
var witnessMagic = []byte("AIVMWIT\x01")

// Encode returns the self-describing binary form: magic, then the fields,
// variable-length ones prefixed by a u32 length.
func (w *StepWitness) Encode() []byte {
	var b bytes.Buffer
	b.Write(witnessMagic)
	put32 := func(v uint32) { _ = binary.Write(&b, binary.BigEndian, v) }
	put32(uint32(len(w.State)))
	b.Write(w.State)
	put32(uint32(len(w.Proof)))
	b.Write(w.Proof)
	b.WriteByte(b2u(w.HasPreimage))
	b.Write(w.PreimageKey[:])
	put32(w.PreimageOffset)
	put32(uint32(len(w.PreimageValue)))
	b.Write(w.PreimageValue)
	return b.Bytes()
}

// DecodeStepWitness parses the binary form of Encode or the JSON form of
// MarshalJSON (detected by a leading '{').
func DecodeStepWitness(data []byte) (*StepWitness, error) {
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		w := new(StepWitness)
		if err := json.Unmarshal(t, w); err != nil {
			return nil, fmt.Errorf("decode witness JSON: %w", err)
		}
		return w, nil
	}
	if !bytes.HasPrefix(data, witnessMagic) {
		return nil, fmt.Errorf("decode witness: bad magic")
	}
	r := data[len(witnessMagic):]
	fail := fmt.Errorf("decode witness: truncated")
	get32 := func() (uint32, bool) {
		if len(r) < 4 {
			return 0, false
		}
		v := binary.BigEndian.Uint32(r)
		r = r[4:]
		return v, true
	}
	getBytes := func() ([]byte, bool) {
		n, ok := get32()
		if !ok || uint64(len(r)) < uint64(n) {
			return nil, false
		}
		v := append([]byte(nil), r[:n]...)
		r = r[n:]
		return v, true
	}
	w := new(StepWitness)
	var ok bool
	if w.State, ok = getBytes(); !ok {
		return nil, fail
	}
	if w.Proof, ok = getBytes(); !ok {
		return nil, fail
	}
	if len(r) < 33 {
		return nil, fail
	}
	if r[0] > 1 {
		return nil, fmt.Errorf("decode witness: bad preimage flag %d", r[0])
	}
	w.HasPreimage = r[0] == 1
	copy(w.PreimageKey[:], r[1:33])
	r = r[33:]
	if w.PreimageOffset, ok = get32(); !ok {
		return nil, fail
	}
	if w.PreimageValue, ok = getBytes(); !ok {
		return nil, fail
	}
	if len(r) != 0 {
		return nil, fmt.Errorf("decode witness: %d trailing bytes", len(r))
	}
	return w, nil
}

// Hex is a byte string marshalled as 0x-prefixed hex in JSON.
type Hex []byte

// MarshalText implements encoding.TextMarshaler.
func (h Hex) MarshalText() ([]byte, error) { return []byte("0x" + hex.EncodeToString(h)), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (h *Hex) UnmarshalText(b []byte) error {
	s := strings.TrimPrefix(string(b), "0x")
	v, err := hex.DecodeString(s)
	if err != nil {
		return fmt.Errorf("bad hex: %w", err)
	}
	*h = v
	return nil
}

type witnessJSON struct {
	State          Hex    `json:"state"`
	Proof          Hex    `json:"proof"`
	HasPreimage    bool   `json:"hasPreimage"`
	PreimageKey    Hex    `json:"preimageKey"`
	PreimageOffset uint32 `json:"preimageOffset"`
	PreimageValue  Hex    `json:"preimageValue"`
}

// MarshalJSON writes the witness with 0x-hex byte fields.
func (w *StepWitness) MarshalJSON() ([]byte, error) {
	return json.Marshal(witnessJSON{
		State: w.State, Proof: w.Proof, HasPreimage: w.HasPreimage,
		PreimageKey: w.PreimageKey[:], PreimageOffset: w.PreimageOffset, PreimageValue: w.PreimageValue,
	})
}

// UnmarshalJSON reads the form written by MarshalJSON.
func (w *StepWitness) UnmarshalJSON(b []byte) error {
	var j witnessJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if len(j.PreimageKey) != 0 && len(j.PreimageKey) != 32 {
		return fmt.Errorf("preimageKey is %d bytes, want 32", len(j.PreimageKey))
	}
	*w = StepWitness{State: j.State, Proof: j.Proof, HasPreimage: j.HasPreimage,
		PreimageOffset: j.PreimageOffset, PreimageValue: j.PreimageValue}
	copy(w.PreimageKey[:], j.PreimageKey)
	return nil
}

// Size is the number of bytes the witness puts in calldata (state and proof).
func (w *StepWitness) Size() int { return len(w.State) + len(w.Proof) }
