package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aivm-dev/aivm/models/fashion"
	"github.com/aivm-dev/aivm/models/gpu"
	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/tensor"
	"github.com/aivm-dev/aivm/models/textllama"
	"github.com/aivm-dev/aivm/models/train"
	"github.com/aivm-dev/aivm/models/zoo"
)

// The model command group: train, evaluate, run, inspect and export the
// deterministic integer models of package models.
func init() {
	cmd := &cobra.Command{Use: "model", Short: "Train, evaluate, run and inspect the integer-only models"}
	cmd.AddCommand(modelTrainCmd(), modelEvalCmd(), modelInferCmd(), modelInspectCmd(), withModelFormats(modelExportCmd()), modelGenerateCmd(), modelSynthCmd(), modelImportCmd())
	Root.AddCommand(cmd)
}

// printJSON writes v as one line: the last stdout line of a --json command.
func printJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

func modelTrainCmd() *cobra.Command {
	cfg := train.DefaultConfig()
	var root, dataDir string
	var calib int
	var text textTrainFlags
	c := &cobra.Command{
		Use:   "train fashion-mnist|text-llama",
		Short: "Train a built-in model from a seed, quantize it and write the committed artefacts",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] == textllama.Name {
				return runTextTrain(cmd, &text)
			}
			if args[0] != fashion.Name {
				return fmt.Errorf("only %s and %s can be trained (tiny-llama loads llama2.c checkpoints)", fashion.Name, textllama.Name)
			}
			rep, err := train.Run(root, dataDir, cfg, calib, cmd.ErrOrStderr())
			if err != nil {
				return fmt.Errorf("train %s: %w", args[0], err)
			}
			slog.Info("trained", "float_accuracy", rep.FloatAccuracy, "accuracy", rep.Accuracy, "model_root", rep.ModelRoot)
			return printJSON(cmd.OutOrStdout(), rep)
		},
	}
	f := c.Flags()
	f.StringVar(&root, "root", ".", "repository root to write the artefacts under")
	f.StringVar(&dataDir, "data", fashion.DebianDir, "directory with the Fashion-MNIST .gz files")
	f.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "training epochs")
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	f.IntVar(&cfg.Batch, "batch", cfg.Batch, "batch size")
	f.Float64Var(&cfg.LR, "lr", cfg.LR, "Adam learning rate")
	f.IntSliceVar(&cfg.Hidden, "hidden", cfg.Hidden, "hidden layer sizes")
	f.IntVar(&cfg.TrainSize, "train-size", 0, "use only the first N training images (0 = all)")
	f.IntVar(&calib, "calib", 2000, "training images used to calibrate activation scales")
	addTextTrainFlags(f, &text)
	return c
}

func modelEvalCmd() *cobra.Command {
	var root string
	var asJSON bool
	var limit int
	var text textEvalFlags
	c := &cobra.Command{
		Use:   "eval fashion-mnist|text-llama",
		Short: "Report int8 and float accuracy (fashion-mnist) or validation perplexity (text-llama)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] == textllama.Name {
				return runTextEval(cmd, &text, asJSON)
			}
			if args[0] != fashion.Name {
				return fmt.Errorf("eval supports %s and %s only", fashion.Name, textllama.Name)
			}
			m, err := fashion.Model()
			if err != nil {
				return err
			}
			set, full, err := fashion.TestSet()
			if err != nil {
				return err
			}
			if !full {
				slog.Warn("Debian dataset-fashion-mnist not installed: evaluating the committed 200-item subset")
			}
			if limit > 0 {
				set = set.Head(limit)
			}
			acc, err := train.Evaluate(m, set)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			out := map[string]any{"model": fashion.Name, "test_items": set.Len(), "accuracy": acc}
			if fm, err := train.LoadFloat(root); err != nil {
				slog.Warn("float model unavailable", "err", err)
			} else if facc, err := fm.Accuracy(set); err != nil {
				return fmt.Errorf("float eval: %w", err)
			} else {
				out["float_accuracy"] = facc
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), out)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s on %d test items: int8 accuracy %.2f%%", fashion.Name, set.Len(), 100*acc)
			if f, ok := out["float_accuracy"].(float64); ok {
				fmt.Fprintf(cmd.OutOrStdout(), ", float accuracy %.2f%%", 100*f)
			}
			fmt.Fprintln(cmd.OutOrStdout())
			return nil
		},
	}
	c.Flags().StringVar(&root, "root", ".", "repository root holding "+train.FloatPath)
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	c.Flags().IntVar(&limit, "limit", 0, "evaluate only the first N items")
	addTextEvalFlags(c.Flags(), &text)
	return c
}

// tensorJSON is the JSON view of a tensor.
type tensorJSON struct {
	DType string `json:"dtype"`
	Shape []int  `json:"shape"`
	Data  any    `json:"data"`
	// Commitment replaces Data for a tensor over maxJSONElements (a
	// 7B-shaped model's K/V caches are 8.4 M elements each).
	Commitment string `json:"commitment,omitempty"`
}

// maxJSONElements bounds the tensors printed element by element.
const maxJSONElements = 1 << 16

func viewTensor(t *tensor.Tensor) tensorJSON {
	v := tensorJSON{DType: t.DType.String(), Shape: t.Shape}
	if t.Len() > maxJSONElements {
		if c, err := t.Commit(); err == nil {
			v.Commitment = c.Hex()
		}
		return v
	}
	switch t.DType {
	case tensor.I8:
		d := make([]int, len(t.I8))
		for i, x := range t.I8 {
			d[i] = int(x)
		}
		v.Data = d
	case tensor.U8:
		d := make([]int, len(t.U8))
		for i, x := range t.U8 {
			d[i] = int(x)
		}
		v.Data = d
	case tensor.I32:
		v.Data = t.I32
	}
	return v
}

// resolveModelInputs resolves MODEL (name, file or root) and the request
// inputs from either --input files or --sample N, the selection every
// command that runs a model on one request shares.
func resolveModelInputs(cmd *cobra.Command, model string, inputs []string, sample int) (*graph.Model, *zoo.Entry, []*tensor.Tensor, string, error) {
	m, entry, err := zoo.Resolve(model)
	if err != nil {
		return nil, nil, nil, "", err
	}
	sampled := cmd.Flags().Changed("sample")
	switch {
	case len(inputs) > 0 && sampled:
		return nil, nil, nil, "", fmt.Errorf("use either --input or --sample")
	case len(inputs) > 0:
		in, err := readInputs(inputs)
		if err != nil {
			return nil, nil, nil, "", err
		}
		return m, entry, in, "", nil
	case sampled:
		if entry == nil {
			return nil, nil, nil, "", fmt.Errorf("--sample needs a built-in model, %q is a file", model)
		}
		s, err := entry.Sample(sample)
		if err != nil {
			return nil, nil, nil, "", fmt.Errorf("sample: %w", err)
		}
		return m, entry, s.Inputs, s.Label, nil
	default:
		return nil, nil, nil, "", fmt.Errorf("need --input FILE or --sample N")
	}
}

func readInputs(paths []string) ([]*tensor.Tensor, error) {
	var out []*tensor.Tensor
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("input: %w", err)
		}
		t, err := tensor.Decode(b)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		out = append(out, t)
	}
	return out, nil
}

func modelInferCmd() *cobra.Command {
	var inputs []string
	var sample int
	var withTrace, asJSON bool
	var workers int
	var executor string
	c := &cobra.Command{
		Use:   "infer MODEL (--input FILE... | --sample N)",
		Short: "Run a model natively and print its output commitment (and per-node trace)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, entry, in, label, err := resolveModelInputs(cmd, args[0], inputs, sample)
			if err != nil {
				return err
			}
			e, err := graph.NewExecutor(m)
			if err != nil {
				return err
			}
			sel, err := gpu.Select(executor, workers, m)
			if err != nil {
				return fmt.Errorf("infer: %w", err)
			}
			defer sel.Close()
			tr, err := e.Run(in, sel.Options)
			if err != nil {
				return fmt.Errorf("infer: %w", err)
			}
			res := map[string]any{
				"executor":          sel.Label,
				"model":             m.Graph.Name,
				"model_root":        e.Root.Hex(),
				"output_commitment": tr.OutputCommit.Hex(),
				"final_state":       tr.States[len(tr.States)-1].Hex(),
				"nodes":             len(m.Graph.Nodes),
			}
			outs := make([]tensorJSON, len(tr.Outputs))
			for i, o := range tr.Outputs {
				outs[i] = viewTensor(o)
			}
			res["output"] = outs
			if entry != nil && entry.Explain != nil {
				res["answer"] = entry.Explain(tr.Outputs)
			}
			if label != "" {
				res["label"] = label
			}
			if withTrace {
				res["trace"] = traceJSON(m.Graph, tr)
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), res)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "model %s  root %s\n", m.Graph.Name, e.Root.Hex())
			if a, ok := res["answer"]; ok {
				fmt.Fprintf(w, "answer: %v", a)
				if label != "" {
					fmt.Fprintf(w, " (label %s)", label)
				}
				fmt.Fprintln(w)
			}
			for i, o := range tr.Outputs {
				v := viewTensor(o)
				if v.Data == nil {
					fmt.Fprintf(w, "output %d: %s%v commitment %s\n", i, o.DType, o.Shape, v.Commitment)
					continue
				}
				fmt.Fprintf(w, "output %d: %s%v %s\n", i, o.DType, o.Shape, short(v.Data))
			}
			fmt.Fprintf(w, "output_commitment %s\n", tr.OutputCommit.Hex())
			if withTrace {
				fmt.Fprintf(w, "S_0 %s\n", tr.States[0].Hex())
				for k := 1; k <= len(m.Graph.Nodes); k++ {
					n := m.Graph.Nodes[k-1]
					fmt.Fprintf(w, "node %3d %-12s %-22s out %s  S_%d %s\n", k, n.Op, n.Name, tr.NodeCommit(k).Hex(), k, tr.States[k].Hex())
				}
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringSliceVar(&inputs, "input", nil, "input tensor file(s) in the canonical encoding, in graph input order")
	f.IntVar(&sample, "sample", 0, "use item N of the model's test set")
	f.BoolVar(&withTrace, "trace", false, "print every node's output commitment and graph state S_k")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "goroutines (results are identical for any value)")
	f.StringVar(&executor, "executor", gpu.ExecAuto, "auto|go|simd|gpu: auto is a GPU when one is present, else simd, else go (results are identical)")
	return c
}

type nodeJSON struct {
	K          int    `json:"k"`
	Name       string `json:"name"`
	Op         string `json:"op"`
	Commitment string `json:"commitment"`
	State      string `json:"state"`
}

func traceJSON(g *graph.Graph, tr *graph.Trace) map[string]any {
	nodes := make([]nodeJSON, len(g.Nodes))
	for k := 1; k <= len(g.Nodes); k++ {
		nodes[k-1] = nodeJSON{K: k, Name: g.Nodes[k-1].Name, Op: g.Nodes[k-1].Op.String(), Commitment: tr.NodeCommit(k).Hex(), State: tr.States[k].Hex()}
	}
	inputs := make([]string, tr.NumInputs)
	for i := range inputs {
		inputs[i] = tr.SlotCommits[i].Hex()
	}
	return map[string]any{"input_commitments": inputs, "s0": tr.States[0].Hex(), "nodes": nodes}
}

// short renders at most 16 values of a data slice.
func short(v any) string {
	s := fmt.Sprint(v)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

func modelInspectCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "inspect MODEL",
		Short: "Print a model's root, inputs, weights and nodes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, _, err := zoo.Resolve(args[0])
			if err != nil {
				return err
			}
			e, err := graph.NewExecutor(m)
			if err != nil {
				return err
			}
			g := m.Graph
			params := 0
			for _, w := range m.Weights {
				params += w.Len()
			}
			if asJSON {
				type named struct {
					Name, Spec, Commitment string
				}
				var ws []named
				for i, w := range g.Weights {
					ws = append(ws, named{w.Name, w.Spec.String(), m.Weights[i].MustCommit().Hex()})
				}
				var ns []map[string]any
				for k, n := range g.Nodes {
					ns = append(ns, map[string]any{"k": k + 1, "op": n.Op.String(), "name": n.Name, "inputs": refs(n.Inputs), "attrs": n.Attrs, "out": e.Slots[g.NodeSlot(k+1)].String()})
				}
				return printJSON(cmd.OutOrStdout(), map[string]any{"model": g.Name, "model_root": e.Root.Hex(), "graph_hash": e.GraphHash.Hex(), "parameters": params, "weights": ws, "nodes": ns, "outputs": refs(g.Outputs)})
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "model      %s\nmodel_root %s\ngraph_hash %s\nparameters %d\n", g.Name, e.Root.Hex(), e.GraphHash.Hex(), params)
			for i, in := range g.Inputs {
				fmt.Fprintf(w, "input  s%-4d %-16s %s\n", i, in.Name, in.Spec)
			}
			for i, wt := range g.Weights {
				fmt.Fprintf(w, "weight w%-4d %-16s %-20s %s\n", i, wt.Name, wt.Spec, m.Weights[i].MustCommit().Hex())
			}
			for k, n := range g.Nodes {
				fmt.Fprintf(w, "node %4d %-12s %-20s in %-28s attrs %v -> %s\n", k+1, n.Op, n.Name, strings.Join(refs(n.Inputs), ","), n.Attrs, e.Slots[g.NodeSlot(k+1)])
			}
			fmt.Fprintf(w, "outputs %s\n", strings.Join(refs(g.Outputs), ","))
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return c
}

func refs(rs []graph.Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

func modelExportCmd() *cobra.Command {
	var out string
	var sample int
	var inputDir string
	c := &cobra.Command{
		Use:   "export MODEL --out FILE [--sample N --input-dir DIR]",
		Short: "Write a model file (and optionally a test item's input tensors)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, entry, err := zoo.Resolve(args[0])
			if err != nil {
				return err
			}
			b, err := m.Encode()
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			slog.Info("wrote model", "file", out, "bytes", len(b))
			if inputDir == "" {
				return nil
			}
			if entry == nil {
				return fmt.Errorf("--input-dir needs a built-in model")
			}
			s, err := entry.Sample(sample)
			if err != nil {
				return err
			}
			for i, t := range s.Inputs {
				enc, err := t.Encode()
				if err != nil {
					return err
				}
				p := inputDir + "/input" + strconv.Itoa(i) + ".aivt"
				if err := os.WriteFile(p, enc, 0o644); err != nil {
					return fmt.Errorf("export input: %w", err)
				}
				fmt.Fprintln(cmd.OutOrStdout(), p)
			}
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "model file to write")
	c.Flags().IntVar(&sample, "sample", 0, "test item whose inputs to export")
	c.Flags().StringVar(&inputDir, "input-dir", "", "directory for the sample's input tensors (input0.aivt, ...)")
	_ = c.MarkFlagRequired("out")
	return c
}
