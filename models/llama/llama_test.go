package llama

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/ops"
	"github.com/stretchr/testify/require"
)

func TestCheckpointRoundTrip(t *testing.T) {
	for _, shared := range []bool{true, false} {
		c := TinyConfig
		c.Shared = shared
		ck, err := Synthetic(c, 7)
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, ck.Write(&buf))
		require.EqualValues(t, ExpectedSize(c), buf.Len())
		ck2, err := Read(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		require.Equal(t, ck.Config, ck2.Config)
		require.Equal(t, ck.W.WQ, ck2.W.WQ)
		require.Equal(t, ck.W.Cls, ck2.W.Cls)
		// Truncated, trailing and corrupted headers are errors.
		_, err = Read(bytes.NewReader(buf.Bytes()[:buf.Len()-3]))
		require.Error(t, err)
		_, err = Read(bytes.NewReader(append(bytes.Clone(buf.Bytes()), 0)))
		require.Error(t, err)
		bad := bytes.Clone(buf.Bytes())
		bad[12] = 3 // 3 heads do not divide dim 64
		_, err = Read(bytes.NewReader(bad))
		require.Error(t, err)
		p := filepath.Join(t.TempDir(), "m.bin")
		require.NoError(t, os.WriteFile(p, buf.Bytes()[:1000], 0o644))
		_, err = ReadFile(p)
		require.ErrorContains(t, err, "needs")
		require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
		_, err = ReadFile(p)
		require.NoError(t, err)
	}
}

// referencePair is what the fidelity tests compare: a session over the
// committed int8 model, and the synthetic float checkpoint it came from.
func referencePair(t *testing.T) (*Checkpoint, *Session) {
	t.Helper()
	m, err := Model()
	require.NoError(t, err)
	ck, err := Synthetic(TinyConfig, Seed)
	require.NoError(t, err)
	s, err := NewSession(m, graph.Options{})
	require.NoError(t, err)
	return ck, s
}

// The integer step graph tracks the float reference: greedy tokens agree on
// most steps and logits correlate strongly.
func TestQuantizedMatchesReference(t *testing.T) {
	ck, s := referencePair(t)
	st := NewState(TinyConfig)
	toks := CalibTokens(TinyConfig, 24)
	agree, minCorr := 0, 1.0
	for pos, tok := range toks {
		ref, err := ck.Forward(st, tok, pos, nil)
		require.NoError(t, err)
		in, err := s.Inputs(tok)
		require.NoError(t, err)
		tr, err := s.Exec.Run(in, graph.Options{})
		require.NoError(t, err)
		_, _, err = s.Step(tok)
		require.NoError(t, err)
		logits := tr.Outputs[1].I32
		refArg := 0
		for i, v := range ref {
			if v > ref[refArg] {
				refArg = i
			}
		}
		if ops.Argmax(logits) == refArg {
			agree++
		}
		cr := corr(ref, logits)
		minCorr = min(minCorr, cr)
		require.Greater(t, cr, 0.95, "pos %d", pos)
	}
	t.Logf("int8 vs float reference over %d steps: greedy token agrees %d times, min logit correlation %.4f", len(toks), agree, minCorr)
	require.GreaterOrEqual(t, agree, len(toks)*3/4)
}

func corr(a []float32, b []int32) float64 {
	var ma, mb float64
	for i := range a {
		ma += float64(a[i])
		mb += float64(b[i])
	}
	ma /= float64(len(a))
	mb /= float64(len(b))
	var sab, saa, sbb float64
	for i := range a {
		da, db := float64(a[i])-ma, float64(b[i])-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	return sab / (sqrt(saa*sbb) + 1e-30)
}

func sqrt(x float64) float64 {
	r := x
	for i := 0; i < 60 && r > 0; i++ {
		r = (r + x/r) / 2
	}
	return r
}

func TestGenerate(t *testing.T) {
	m, err := Model()
	require.NoError(t, err)
	s1, err := NewSession(m, graph.Options{})
	require.NoError(t, err)
	out1, recs, err := Generate(s1, []int{1, 2, 3}, 5)
	require.NoError(t, err)
	require.Len(t, out1, 5)
	require.Len(t, recs, 7)
	s2, err := NewSession(m, graph.Options{Workers: 4, MinParallelWork: 1})
	require.NoError(t, err)
	out2, recs2, err := Generate(s2, []int{1, 2, 3}, 5)
	require.NoError(t, err)
	require.Equal(t, out1, out2)
	require.Equal(t, recs, recs2)
	s3, _ := NewSession(m, graph.Options{})
	_, _, err = Generate(s3, []int{1}, TinyConfig.Seq+1)
	require.Error(t, err)
	_, _, err = Generate(s3, []int{300}, 1)
	require.Error(t, err)
	_, _, err = Generate(s3, nil, 1)
	require.Error(t, err)
}

func TestSampleHasHistory(t *testing.T) {
	m, err := Model()
	require.NoError(t, err)
	in, err := Sample(m, 5)
	require.NoError(t, err)
	require.Equal(t, int32(5), in[1].I32[0])
	nonzero := 0
	for _, v := range in[2].I8 {
		if v != 0 {
			nonzero++
		}
	}
	require.Greater(t, nonzero, 0)
	_, err = Sample(m, TinyConfig.Seq)
	require.Error(t, err)
}

// Greedy decoding with the integer graph follows the float reference.
func TestGenerateMatchesReference(t *testing.T) {
	ck, s := referencePair(t)
	prompt, n := []int{1, 2, 3}, 24
	got, _, err := Generate(s, prompt, n)
	require.NoError(t, err)
	st := NewState(TinyConfig)
	var want []int
	tok := prompt[0]
	for pos := 0; pos < len(prompt)+n-1; pos++ {
		if pos < len(prompt) {
			tok = prompt[pos]
		}
		lg, err := ck.Forward(st, tok, pos, nil)
		require.NoError(t, err)
		next := 0
		for i, v := range lg {
			if v > lg[next] {
				next = i
			}
		}
		if pos >= len(prompt)-1 {
			want = append(want, next)
		}
		tok = next
	}
	same := 0
	for same < n && got[same] == want[same] {
		same++
	}
	t.Logf("int8 and float greedy decoding agree on the first %d of %d tokens", same, n)
	require.GreaterOrEqual(t, same, n/2)
}

func FuzzRead(f *testing.F) {
	ck, _ := Synthetic(Config{Dim: 4, Hidden: 4, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 3, Seq: 2, Shared: true}, 1)
	var buf bytes.Buffer
	_ = ck.Write(&buf)
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		ck, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := ck.Write(&out); err != nil || !bytes.Equal(out.Bytes(), b) {
			t.Fatalf("checkpoint does not round-trip")
		}
	})
}
