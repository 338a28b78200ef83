package models_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/aivm-dev/aivm/models/graph"
	"github.com/aivm-dev/aivm/models/zoo"
)

// BenchmarkTracedRun times one traced execution (every node's output
// committed, S_0..S_n derived) of each built-in model on test item 3:
//
//	go test ./models -run '^$' -bench TracedRun
func BenchmarkTracedRun(b *testing.B) {
	for _, name := range zoo.Names() {
		for _, workers := range []int{1, runtime.NumCPU()} {
			b.Run(fmt.Sprintf("%s/workers%d", name, workers), func(b *testing.B) {
				m, entry, err := zoo.Resolve(name)
				if err != nil {
					b.Fatal(err)
				}
				e, err := graph.NewExecutor(m)
				if err != nil {
					b.Fatal(err)
				}
				s, err := entry.Sample(3)
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				for range b.N {
					if _, err := e.Run(s.Inputs, graph.Options{Workers: workers}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
