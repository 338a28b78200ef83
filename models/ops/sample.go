package ops

import "fmt"

// MaxSampleVocab bounds the logits a Sample call draws from, so that the
// total weight (at most 2^16 per token) fits a uint32.
const MaxSampleVocab = 1 << 16

// SampleOne is the Q16 fixed-point 1.0 of temperatures and top-p masses.
const SampleOne = 1 << 16

// Mix32 is the murmur3 finaliser: a cheap, well-mixed 32-bit hash that the
// 32-bit guest computes in a handful of instructions.
func Mix32(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	x *= 0xc2b2ae35
	x ^= x >> 16
	return x
}

// SampleRand is the 32-bit random number of draw counter under seed.
func SampleRand(seed, counter uint32) uint32 { return Mix32(seed ^ Mix32(counter+0x9e3779b9)) }

// Sample draws a token from int32 logits with temperature and nucleus
// (top-p) truncation, integer-only:
//
//	t_i = floor(min(M(max - l_i), 2^40) * 2^16 / temp)   // base-2 exponent, 8 fraction bits
//	e_i = round(2^16 * 2^(-t_i/256))                     // the softmax table
//	v*  = the largest v in [1, 2^16] with sum(e_i : e_i >= v) * 2^16 >= topP * sum(e)
//	kept tokens are those with e_i >= v* (ties at the cut are all kept)
//	r   = SampleRand(seed, counter); target = (r * sum_kept) >> 32
//	the result is the first kept index (ascending) whose running sum of e exceeds target
//
// m converts a logit difference to the exponent domain at temperature 1
// (M*2^-shift = 256 * log2(e) * logit scale). temp and topP are Q16; temp
// 0 is greedy decoding (Argmax, lowest index on ties) and ignores topP,
// otherwise topP must lie in [1, 2^16]. e must have len(logits) entries; it
// is scratch.
func Sample(logits []int32, e []uint32, m Multiplier, seed, counter uint32, temp, topP int32) (int, error) {
	n := len(logits)
	if n == 0 || n > MaxSampleVocab || len(e) != n {
		return 0, fmt.Errorf("%w: sample over %d logits (scratch %d), want 1..%d", ErrArg, n, len(e), MaxSampleVocab)
	}
	if temp < 0 || m.M < 0 {
		return 0, fmt.Errorf("%w: sample temperature %d / multiplier %d is negative", ErrArg, temp, m.M)
	}
	if temp == 0 {
		return Argmax(logits), nil
	}
	if topP < 1 || topP > SampleOne {
		return 0, fmt.Errorf("%w: top-p %d outside [1,%d]", ErrArg, topP, SampleOne)
	}
	mx := int64(logits[Argmax(logits)])
	var total uint64
	for i, l := range logits {
		t := min(m.Apply64(min(mx-int64(l), MaxScoreDiff)), 1<<40)
		e[i] = uint32(exp2Neg(t * SampleOne / int64(temp)))
		total += uint64(e[i])
	}
	// Binary search for the cut: mass(v) is non-increasing in v and
	// mass(1) = total satisfies the condition, so v* exists.
	mass := func(v uint32) uint64 {
		var s uint64
		for _, x := range e {
			if x >= v {
				s += uint64(x)
			}
		}
		return s
	}
	need := uint64(topP) * total
	lo, hi := uint32(1), uint32(SampleOne)
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if mass(mid)*SampleOne >= need {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	kept := mass(lo)
	target := (uint64(SampleRand(seed, counter)) * kept) >> 32
	var acc uint64
	for i, x := range e {
		if x >= lo {
			acc += uint64(x)
			if target < acc {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: sample ran past the kept mass", ErrArg) // unreachable: target < kept
}
