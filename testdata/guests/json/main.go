// Command json round-trips nested structs through encoding/json, which
// leans heavily on reflection, interfaces and the allocator. Maps are
// encoded with sorted keys, so output is deterministic.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

type Layer struct {
	Name    string            `json:"name"`
	Shape   []int             `json:"shape"`
	Scale   float64           `json:"scale"`
	Weights []int8            `json:"weights,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
}

type Model struct {
	ID      uint64         `json:"id"`
	Version string         `json:"version"`
	Layers  []Layer        `json:"layers"`
	Tags    map[string]int `json:"tags"`
	Parent  *Model         `json:"parent,omitempty"`
	Extra   any            `json:"extra"`
	Skip    string         `json:"-"`
}

func main() {
	m := Model{
		ID:      1<<40 + 3,
		Version: "v1.\"2\"<3>&",
		Layers: []Layer{
			{Name: "dense0", Shape: []int{784, 128}, Scale: 0.0125, Weights: []int8{-128, -1, 0, 1, 127}},
			{Name: "relu", Shape: []int{128}, Scale: 1, Meta: map[string]string{"z": "last", "a": "first", "m": "ü日本"}},
			{Name: "dense1", Shape: []int{128, 10}, Scale: 3.5e-7},
		},
		Tags:   map[string]int{"zeta": 26, "alpha": 1, "mu": 12},
		Parent: &Model{ID: 7, Version: "v0", Tags: map[string]int{}},
		Extra:  []any{1.5, "x", true, nil, map[string]any{"k": []int{1, 2}}},
		Skip:   "hidden",
	}
	b, err := json.Marshal(m)
	if err != nil {
		fmt.Println("marshal:", err)
		os.Exit(1)
	}
	fmt.Println(string(b))

	var back Model
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println("unmarshal:", err)
		os.Exit(1)
	}
	b2, _ := json.MarshalIndent(back, "", "  ")
	b3, _ := json.Marshal(back)
	fmt.Println("roundtrip equal bytes:", string(b) == string(b3))
	fmt.Println("layers equal:", reflect.DeepEqual(m.Layers, back.Layers))
	fmt.Println("indented length:", len(b2))

	// Decoding into interface{} produces float64 numbers and map[string]any.
	var generic map[string]any
	json.Unmarshal(b, &generic)
	fmt.Printf("generic id=%v (%T) layers=%d\n", generic["id"], generic["id"], len(generic["layers"].([]any)))

	// A syntax error must be reported with its offset.
	err = json.Unmarshal([]byte(`{"id": 1, "layers": [}`), &back)
	fmt.Println("error:", err)
}
