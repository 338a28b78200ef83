// Command softfloat exercises float64/float32 arithmetic, math functions
// and strconv float formatting. With GOMIPS=softfloat all of it is integer
// code in the runtime (runtime/softfloat64.go), so any emulator must give
// bit-identical results; bit patterns are printed to make that explicit.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	xs := []float64{0, math.Copysign(0, -1), 1, -2.5, 0.1, 1e-310, 3.141592653589793, 1e300, math.Inf(1), math.NaN()}
	for _, x := range xs {
		fmt.Printf("x=%-22v sqrt=%-22v bits=%016x\n", x, math.Sqrt(x), math.Float64bits(math.Sqrt(x)))
	}
	fmt.Println("sin(1)   =", strconv.FormatFloat(math.Sin(1), 'g', -1, 64))
	fmt.Println("cos(1)   =", strconv.FormatFloat(math.Cos(1), 'g', -1, 64))
	fmt.Println("exp(1)   =", strconv.FormatFloat(math.Exp(1), 'g', -1, 64))
	fmt.Println("log(10)  =", strconv.FormatFloat(math.Log(10), 'g', -1, 64))
	fmt.Println("pow(2,.5)=", strconv.FormatFloat(math.Pow(2, 0.5), 'g', -1, 64))
	fmt.Println("atan2    =", strconv.FormatFloat(math.Atan2(1, -1), 'e', 17, 64))
	fmt.Println("tanh(.5) =", strconv.FormatFloat(math.Tanh(0.5), 'f', 20, 64))
	fmt.Println("fma      =", math.FMA(0.1, 10, -1))

	// Accumulate a series; rounding must match exactly.
	s := 0.0
	for i := 1; i <= 100000; i++ {
		s += 1 / (float64(i) * float64(i)) // float product: i*i overflows a 32-bit int
	}
	fmt.Printf("basel partial=%.17g bits=%016x\n", s, math.Float64bits(s))

	var f32 float32 = 1
	for i := 0; i < 1000; i++ {
		f32 = f32*1.0001 + float32(i)*1e-6
	}
	fmt.Printf("float32 loop=%v bits=%08x\n", f32, math.Float32bits(f32))

	// Conversions between ints and floats, including edge cases.
	fmt.Println("conv:", int64(1e18), int32(float32(-2147483648)), uint32(float64(4294967295)), float64(int64(-1<<62)), float32(uint64(1<<63)))
	fmt.Println("round:", math.Round(-2.5), math.Floor(-0.5), math.Ceil(0.2), math.Trunc(-7.9), math.Mod(7.5, 2))
	fmt.Println("parse:", mustParse("1.7976931348623157e308"), mustParse("4.9e-324"), mustParse("0x1p-2"), mustParse("123456789.123456789"))
	a, b := 0.1, 0.2 // variables, so the sum is computed at run time
	fmt.Println("compare:", a+b == 0.3, a+b, math.NaN() == math.NaN(), math.IsInf(1/math.Inf(-1), 0), math.Signbit(1/math.Inf(-1)))
	fmt.Println("format:", strconv.FormatFloat(2.0/3, 'f', 5, 32), fmt.Sprintf("%8.3e|%g|%G", 12345.678, 1e21, 1e-7))
}

func mustParse(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}
