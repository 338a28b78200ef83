package replay

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/aivm-dev/aivm/bisection"
)

// The HTML report: one self-contained page (inline CSS and SVG, no script,
// no external resource).

type htmlRound struct {
	Phase string
	Split *MoveVerdict
	Pick  *MoveVerdict
}

type regRow struct {
	Name          string
	Before, After string
	Changed, Used bool
}

type moveRow struct {
	N                    int
	Kind, Party, Phase   string
	Seg, Detail, Verdict string
	Gas                  string
	Block                uint64
	Time                 string
	Elapsed, A, C        uint64
	Bad                  bool
	Tx                   string
}

type htmlData struct {
	R          *Report
	D          *Dispute
	Title      string
	Verdict    string
	VerdictBad bool
	Narrative  []string
	GraphSVG   template.HTML
	VMSVG      template.HTML
	Regs       []regRow
	Moves      []moveRow
	Step       *StepReport
	Node       *NodeReport
	Hex        func([32]byte) string
}

// WriteHTML writes the self-contained HTML report.
func (r *Report) WriteHTML(w io.Writer) error {
	d := r.Dispute
	hd := htmlData{R: r, D: d, Title: fmt.Sprintf("AIVM dispute: game %s", d.GameID), Narrative: r.Narrative(),
		Step: r.Step, Node: r.Node, Hex: func(h [32]byte) string { return fmt.Sprintf("0x%x", h[:]) }}
	switch {
	case !d.Resolved:
		hd.Verdict = "in progress"
	case d.ByTimeout:
		hd.Verdict = fmt.Sprintf("the %s won by timeout", r.ChainWinner)
	default:
		hd.Verdict = fmt.Sprintf("the %s won by the one-step proof", r.ChainWinner)
	}
	if r.OK() {
		hd.Verdict += "; replay: every check passed (the true side won)"
	} else {
		hd.Verdict += fmt.Sprintf("; replay: %d problem(s)", len(r.Problems))
		hd.VerdictBad = true
	}
	var rounds []htmlRound
	for i := range r.Moves {
		m := &r.Moves[i]
		switch m.Kind {
		case KindSplit:
			rounds = append(rounds, htmlRound{Phase: bisection.PhaseName(m.Phase), Split: m})
		case KindChoose:
			if len(rounds) > 0 && rounds[len(rounds)-1].Pick == nil {
				rounds[len(rounds)-1].Pick = m
			}
		}
		row := moveRow{N: i + 1, Kind: m.Kind, Party: m.Party, Phase: bisection.PhaseName(m.Phase), Seg: m.Seg.String(), Verdict: m.Verdict,
			Gas: fmt.Sprint(m.Tx.Gas), Block: m.Tx.Block, Time: when(m.Tx.Time), Elapsed: m.Elapsed, A: m.AsserterClock, C: m.ChallengerClock,
			Bad: !m.Honest, Tx: m.Tx.Hash.Hex()}
		if m.SameTx {
			row.Gas = "(same tx)"
		}
		switch m.Kind {
		case KindSplit:
			row.Detail = fmt.Sprintf("%d claims", len(m.Claims))
		case KindChoose:
			if m.Next != nil {
				row.Detail = fmt.Sprintf("part %d → %v", m.J, m.Next.Seg)
			}
		case KindStartVM:
			row.Detail = fmt.Sprintf("node %d, V_T %s", m.Node, hx(m.VT))
		case KindStep:
			row.Detail = fmt.Sprintf("step %d → %s", m.VMStep, hx(m.Post))
		}
		hd.Moves = append(hd.Moves, row)
	}
	hd.GraphSVG = roundsSVG(rounds, "G", uint64(d.GraphSize))
	hd.VMSVG = roundsSVG(rounds, "V", bisection.VMSpan)
	if s := r.Step; s != nil {
		used := map[int]bool{}
		for _, i := range s.Insn.Reads {
			used[i] = true
		}
		for _, i := range s.Insn.Writes {
			used[i] = true
		}
		row := func(name string, b, a uint32, u bool) {
			after := fmt.Sprintf("0x%08x", a)
			if !s.AfterKnown {
				after = "—"
				if s.PostExited {
					after = "(exited)"
				}
			}
			hd.Regs = append(hd.Regs, regRow{Name: name, Before: fmt.Sprintf("0x%08x", b), After: after,
				Changed: s.AfterKnown && a != b, Used: u})
		}
		row("pc", s.Before.PC, s.After.PC, true)
		row("next pc", s.Before.NextPC, s.After.NextPC, false)
		row("hi", s.Before.Hi, s.After.Hi, false)
		row("lo", s.Before.Lo, s.After.Lo, false)
		for i := 1; i < 32; i++ {
			row(fmt.Sprintf("$%d %s", i, RegNames[i]), s.Before.R[i], s.After.R[i], used[i])
		}
	}
	return pageTmpl.Execute(w, hd)
}

// roundsSVG draws one phase's rounds: on the left each round's segment as a
// bar whose length is log2 of the segment length (nested: every round's bar
// lies inside the previous one's), on the right the segment split into its
// parts, the claims as dots (green true, red false) and the chosen part.
func roundsSVG(rounds []htmlRound, phase string, span uint64) template.HTML {
	var rs []htmlRound
	for _, r := range rounds {
		if r.Phase == phase {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return ""
	}
	const (
		rowH  = 34
		left  = 300.0 // width of the log-length panel
		gap   = 30.0
		right = 560.0
		top   = 24
	)
	width := left + gap + right + 20
	height := top + rowH*(len(rs)+1)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" width="%.0f" height="%d" viewBox="0 0 %.0f %d" class="rounds">`, width, height, width, height)
	logMax := math.Log2(float64(span) + 1)
	scale := func(n uint64) float64 {
		if logMax == 0 {
			return left
		}
		return left * math.Log2(float64(n)+1) / logMax
	}
	label := "log2(segment length)"
	if phase == "G" {
		label = "segment length (log scale)"
	}
	fmt.Fprintf(&b, `<text x="0" y="14" class="ax">%s</text><text x="%.0f" y="14" class="ax">segment, its parts and the asserter's claims</text>`,
		html.EscapeString(label), left+gap)
	for i, r := range rs {
		seg := r.Split.Seg
		y := float64(top + rowH*i)
		// Nested log bar.
		fmt.Fprintf(&b, `<rect x="0" y="%.0f" width="%.1f" height="18" class="seg"/>`, y, scale(seg.Len()))
		fmt.Fprintf(&b, `<text x="4" y="%.0f" class="lbl">%s %d: [%d, %d] (%d)</text>`, y+13, phase, i+1, seg.Lo, seg.Hi, seg.Len())
		// Zoomed parts.
		x0 := left + gap
		pos := func(p uint64) float64 {
			return x0 + right*float64(p-seg.Lo)/float64(seg.Len())
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="18" class="part"/>`, x0, y, right)
		if r.Pick != nil && r.Pick.Next != nil {
			n := r.Pick.Next.Seg
			cls := "pick"
			if !r.Pick.ChoiceRight {
				cls = "pickbad"
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="18" class="%s"><title>chosen part %d: %s</title></rect>`,
				pos(n.Lo), y, math.Max(pos(n.Hi)-pos(n.Lo), 1.5), cls, r.Pick.J, html.EscapeString(n.String()))
		}
		for j, c := range r.Split.Claims {
			cls := "ok"
			if !c.True {
				cls = "bad"
			}
			x := pos(c.Index)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" class="tick"/>`, x, y, x, y+18)
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.0f" r="3.5" class="%s"><title>claim %d at %d: %s</title></circle>`,
				x, y+25, cls, j+1, c.Index, truth(c.True))
		}
	}
	if last := rs[len(rs)-1]; last.Pick != nil && last.Pick.Next != nil {
		n := last.Pick.Next
		y := float64(top + rowH*len(rs))
		fmt.Fprintf(&b, `<rect x="0" y="%.0f" width="%.1f" height="18" class="seg"/>`, y, math.Max(scale(n.Seg.Len()), 2))
		end := "single node"
		if phase == "V" {
			end = "single step"
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" class="lbl">→ [%d, %d]: %s</text>`, left+gap, y+13, n.Seg.Lo, n.Seg.Hi, end)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // #nosec G203 -- built from numbers and escaped text
}

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"hex8": func(v uint32) string { return fmt.Sprintf("0x%08x", v) },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1180px;color:#1d232a;padding:0 16px}
h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d8dee4;padding-bottom:4px}
code,.mono,td.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.verdict{padding:10px 14px;border-radius:6px;background:#e7f6ec;border:1px solid #9bd3ae;font-weight:600}
.verdict.bad{background:#fdecec;border-color:#f0a8a8}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d8dee4;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f7}tr.bad td.v{color:#b42318;font-weight:600}td.num{text-align:right}
tr.changed td{background:#fff4c2;font-weight:600}tr.used td:first-child{font-weight:600}
.insn{font-size:20px;padding:8px 12px;background:#f3f5f7;border-radius:6px;display:inline-block}
.rounds .seg{fill:#8fb3e8}.rounds .part{fill:#eef1f4;stroke:#b9c2cc}.rounds .pick{fill:#f4b183}.rounds .pickbad{fill:#b42318}
.rounds .tick{stroke:#7a8591;stroke-width:1}.rounds .ok{fill:#2e9e5b}.rounds .bad{fill:#d92d20}
.rounds text{font-size:11.5px;fill:#1d232a}.rounds .ax{fill:#57606a}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:4px}
ul.story li{margin:2px 0}.small{color:#57606a;font-size:12px}
</style></head><body>
<h1>{{.Title}}</h1>
<p class="small">game contract <code>{{.D.Addrs.Game}}</code>, market <code>{{.D.Addrs.Market}}</code>, k = {{.D.K}}, clock budget {{.D.ClockBudget}} s, extension {{.D.ClockExtension}} s</p>
<p class="verdict{{if .VerdictBad}} bad{{end}}" id="verdict">{{.Verdict}}</p>

<h2>What happened</h2>
<ul class="story">{{range .Narrative}}<li>{{.}}</li>{{end}}</ul>

<h2>Bisection</h2>
<p class="legend"><span><i class="sw" style="background:#8fb3e8"></i>segment (bar length: log of its length)</span><span><i class="sw" style="background:#2e9e5b"></i>true claim</span><span><i class="sw" style="background:#d92d20"></i>false claim</span><span><i class="sw" style="background:#f4b183"></i>chosen part</span></p>
{{if .GraphSVG}}<h3>Phase G: graph states S_0 … S_{{.D.GraphSize}}</h3>{{.GraphSVG}}{{else}}<p>Phase G had no rounds.</p>{{end}}
{{if .VMSVG}}<h3>Phase V: VM states V_0 … V_2^32 (log scale)</h3>{{.VMSVG}}{{end}}

{{with .Node}}<h2>Disputed node</h2>
<table><tr><th>node</th><td class="mono" id="node">{{.K}}</td></tr><tr><th>op</th><td class="mono">{{.Op}}</td></tr><tr><th>activation slot</th><td class="mono">{{.Slot}}</td></tr>
<tr><th>agreed S_{k-1}</th><td class="mono">{{call $.Hex .Prev}} ({{if .PrevTrue}}true{{else}}FALSE{{end}})</td></tr>
<tr><th>disputed S_k</th><td class="mono">{{call $.Hex .Claimed}} ({{if .ClaimedTrue}}true{{else}}FALSE{{end}})</td></tr>
<tr><th>true S_k</th><td class="mono">{{call $.Hex .Honest}}</td></tr></table>{{end}}
{{with .R.Generation}}<h3>In the generation</h3>
<table><tr><th>generated token</th><td class="mono" id="gen-token">{{.Token}}</td></tr><tr><th>forward step</th><td class="mono">{{.Step}}</td></tr>
<tr><th>step node</th><td class="mono" id="gen-node">{{.Node}}</td></tr><tr><th>honest token there</th><td class="mono">{{.HonestToken}}</td></tr>
<tr><th>text before it</th><td class="mono" id="gen-before">{{.Before}}</td></tr><tr><th>text from it on</th><td class="mono" id="gen-after">{{.After}}</td></tr></table>{{end}}
{{with .R.VM}}<p>The kernel run on the game's local data: {{.Steps}} steps, exit {{.ExitCode}} ({{.Verdict}}); the asserter claimed V_T <code>{{call $.Hex .AsserterVT}}</code> ({{if .VTTrue}}true{{else}}false{{end}}).</p>{{end}}

{{with .Step}}<h2>Disputed step</h2>
<p>VM step <b id="step">{{.VMStep}}</b>{{if .Syscall}}, {{.Syscall}}{{end}}</p>
<p class="insn mono" id="insn">{{hex8 .Insn.PC}}: {{hex8 .Insn.Word}} &nbsp; <b>{{.Insn.Mnemonic}}</b> {{.Insn.Operands}}</p>
<table><tr><th>pre-state (agreed)</th><td class="mono">{{call $.Hex .PreHash}}</td></tr>
<tr><th>post-state on chain (Stepped)</th><td class="mono">{{call $.Hex .PostEvent}}</td></tr>
<tr><th>Go verifier on the step's calldata</th><td class="mono">{{call $.Hex .PostVerifier}}</td></tr>
<tr><th>local VM step</th><td class="mono">{{call $.Hex .PostLocal}}</td></tr>
<tr><th>asserter's claim</th><td class="mono">{{call $.Hex .Claimed}}</td></tr>
{{if .OraclePart}}<tr><th>oracle part read</th><td class="mono">{{.OraclePart}}</td></tr>{{end}}
<tr><th>memory proofs</th><td>{{.Proofs}}</td></tr></table>
<h3>Registers (thread {{.Before.ID}})</h3>
<table><tr><th>register</th><th>before</th><th>after</th></tr>
{{range $.Regs}}<tr class="{{if .Changed}}changed{{end}}{{if .Used}} used{{end}}"><td class="mono">{{.Name}}</td><td class="mono">{{.Before}}</td><td class="mono">{{.After}}</td></tr>{{end}}</table>
{{if .Mem}}<h3>Memory words the witness proves</h3>
<table><tr><th>leaf</th><th>address</th><th>before</th><th>after</th><th></th></tr>
{{range .Mem}}<tr class="{{if .Changed}}changed{{end}}"><td>{{.Role}}</td><td class="mono">{{hex8 .Addr}}</td><td class="mono">{{hex8 .Before}}</td><td class="mono">{{hex8 .After}}</td><td>{{if .Accessed}}accessed{{end}}{{if .Changed}} written{{end}}</td></tr>{{end}}</table>{{end}}
{{end}}

<h2>Moves</h2>
<table><tr><th>#</th><th>move</th><th>by</th><th>phase</th><th>segment</th><th>detail</th><th>gas</th><th>block</th><th>time</th><th>elapsed s</th><th>asserter clock s</th><th>challenger clock s</th><th>verdict</th></tr>
{{range .Moves}}<tr class="{{if .Bad}}bad{{end}}"><td class="num">{{.N}}</td><td>{{.Kind}}</td><td>{{.Party}}</td><td>{{.Phase}}</td><td class="mono">{{.Seg}}</td><td class="mono">{{.Detail}}</td><td class="num">{{.Gas}}</td><td class="num">{{.Block}}</td><td class="mono">{{.Time}}</td><td class="num">{{.Elapsed}}</td><td class="num">{{.A}}</td><td class="num">{{.C}}</td><td class="v">{{.Verdict}}</td></tr>{{end}}
</table>
<p>Gas: asserter {{index .R.Gas "asserter"}}, challenger {{index .R.Gas "challenger"}}. Rounds: G {{index .R.Rounds "G"}}, V {{index .R.Rounds "V"}}.</p>

<h2>Verification</h2>
{{if .R.Problems}}<ul>{{range .R.Problems}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>Every check passed: S_0, the kernel pre-state, every claim and choice, the final step (calldata through the Go verifier and a local VM step) and the winner agree with the local re-execution.</p>{{end}}
</body></html>
`))
