// Command bigmath exercises math/big, whose mips build uses the pure-Go
// word arithmetic (32-bit multiply/divide heavy: mult, multu, div, divu).
package main

import (
	"crypto/sha256"
	"fmt"
	"math/big"
)

func main() {
	f := big.NewInt(1)
	for i := int64(2); i <= 500; i++ {
		f.Mul(f, big.NewInt(i))
	}
	s := f.String()
	fmt.Printf("500! has %d digits, starts %s, sha256(dec)=%x\n", len(s), s[:20], sha256.Sum256([]byte(s)))

	// Modular exponentiation with a known prime (2^127-1).
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1))
	b := big.NewInt(3)
	e := new(big.Int).Sub(p, big.NewInt(1))
	fmt.Println("3^(p-1) mod p =", new(big.Int).Exp(b, e, p)) // Fermat: 1
	fmt.Println("2^127-1 probably prime:", p.ProbablyPrime(20))
	fmt.Println("7^1000 mod 1e9+7 =", new(big.Int).Exp(big.NewInt(7), big.NewInt(1000), big.NewInt(1000000007)))

	// GCD and modular inverse.
	a, _ := new(big.Int).SetString("123456789012345678901234567890123456789", 10)
	c, _ := new(big.Int).SetString("987654321098765432109876543210", 10)
	x, y := new(big.Int), new(big.Int)
	g := new(big.Int).GCD(x, y, a, c)
	fmt.Println("gcd =", g, "x =", x, "y =", y)
	fmt.Println("inverse of 17 mod 3120 =", new(big.Int).ModInverse(big.NewInt(17), big.NewInt(3120)))

	// Division and square root of a large number.
	q, r := new(big.Int).QuoRem(f, p, new(big.Int))
	fmt.Printf("500!/p: quotient bits=%d remainder=%s\n", q.BitLen(), r)
	fmt.Println("isqrt(10^60+12345) =", new(big.Int).Sqrt(new(big.Int).Add(new(big.Int).Exp(big.NewInt(10), big.NewInt(60), nil), big.NewInt(12345))))

	// Exact rational arithmetic: harmonic number H(50).
	h := new(big.Rat)
	for i := int64(1); i <= 50; i++ {
		h.Add(h, big.NewRat(1, i))
	}
	fmt.Println("H(50) =", h.FloatString(30))

	// Fibonacci 1000.
	fa, fb := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 1000; i++ {
		fa.Add(fa, fb)
		fa, fb = fb, fa
	}
	fmt.Println("fib(1000) mod 2^64 =", new(big.Int).And(fa, new(big.Int).SetUint64(^uint64(0))))
}
