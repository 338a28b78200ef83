// AIVM's integer ops in OpenCL C. Every function mirrors models/ops
// expression for expression: int8 products summed in int (exact, the sums
// are bounded by 2^30 as ops.CheckMatVec enforces), multipliers applied in
// long (64-bit in OpenCL C, exact) with RoundShift rounding half away from
// zero, RoundDiv likewise. No floating point anywhere. EXP2_TABLE is
// prepended by the host (ops' pinned exp2 table).

#define RESIDUAL_MAX 1048576L
#define ROPE_FRAC 14
#define MAX_SCORE_DIFF 2147483648L

inline long round_shift(long x, int s) {
	if (s == 0) return x;
	long h = ((long)1) << (s - 1);
	return x >= 0 ? (x + h) >> s : -((-x + h) >> s);
}

inline long round_div(long n, long d) {
	return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

inline long clampl(long x, long lo, long hi) { return x > hi ? hi : (x < lo ? lo : x); }
inline char clamp8(long x) { return (char)clampl(x, -128, 127); }
inline long apply(long x, int m, int s) { return round_shift(x * (long)m, s); }

inline ulong isqrt64(ulong x) {
	ulong r = 0, bit = ((ulong)1) << 62;
	while (bit > x) bit >>= 2;
	while (bit != 0) {
		if (x >= r + bit) { x -= r + bit; r = (r >> 1) + bit; } else { r >>= 1; }
		bit >>= 2;
	}
	return r;
}

inline long exp2neg(long t) {
	long ip = t >> 8;
	if (ip >= 17) return 0;
	return ((long)EXP2_TABLE[t & 255]) >> ip;
}

inline int hsum16(int16 p) {
	int8 a = p.lo + p.hi;
	int4 b = a.lo + a.hi;
	int2 c = b.lo + b.hi;
	return c.x + c.y;
}

// dot of k int8 values (|result| <= 2^30 by the caller's bounds).
inline int dot_i8(__global const char* a, __global const char* b, int k) {
	int s = 0, i = 0;
	for (; i + 16 <= k; i += 16)
		s += hsum16(convert_int16(vload16(0, a + i)) * convert_int16(vload16(0, b + i)));
	for (; i < k; i++) s += (int)a[i] * (int)b[i];
	return s;
}

// Matrix-vector products: out[b*rows + r] = x[b,:] . w[r,:] + bias[r], then
// for fc the per-row (or per-tensor, nrq == 1) requantization.
// *_item: one work-item per output, for CPU devices.
// *_group: one work-group per output row, work-items stride the row in
// 16-byte vectors and reduce in local memory, for GPUs.
inline void store_fc(__global char* out, long i, int r, int acc, __global const int* rq, int nrq, int relu) {
	int j = r % nrq;
	long v = apply(acc, rq[2 * j], rq[2 * j + 1]);
	out[i] = (char)clampl(v, relu ? 0 : -128, 127);
}

__kernel void matvec_acc_item(__global const char* x, __global const char* w, __global const int* bias,
                              int rows, int k, __global int* out) {
	int r = get_global_id(0), b = get_global_id(1);
	if (r >= rows) return;
	out[(long)b * rows + r] = dot_i8(x + (long)b * k, w + (long)r * k, k) + bias[r];
}

__kernel void matvec_fc_item(__global const char* x, __global const char* w, __global const int* bias,
                             int rows, int k, __global char* out, __global const int* rq, int nrq, int relu) {
	int r = get_global_id(0), b = get_global_id(1);
	if (r >= rows) return;
	int acc = dot_i8(x + (long)b * k, w + (long)r * k, k) + bias[r];
	store_fc(out, (long)b * rows + r, r, acc, rq, nrq, relu);
}

inline int group_dot(__global const char* xb, __global const char* wr, int k, __local int* part) {
	int lid = get_local_id(0), L = get_local_size(0);
	int s = 0;
	int k16 = k & ~15;
	for (int i = lid * 16; i < k16; i += L * 16)
		s += hsum16(convert_int16(vload16(0, xb + i)) * convert_int16(vload16(0, wr + i)));
	for (int i = k16 + lid; i < k; i += L) s += (int)xb[i] * (int)wr[i];
	part[lid] = s;
	barrier(CLK_LOCAL_MEM_FENCE);
	for (int h = L / 2; h > 0; h >>= 1) {
		if (lid < h) part[lid] += part[lid + h];
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	return part[0];
}

__kernel void matvec_acc_group(__global const char* x, __global const char* w, __global const int* bias,
                               int rows, int k, __global int* out) {
	__local int part[256];
	int r = get_group_id(0), b = get_group_id(1);
	int s = group_dot(x + (long)b * k, w + (long)r * k, k, part);
	if (get_local_id(0) == 0) out[(long)b * rows + r] = s + bias[r];
}

__kernel void matvec_fc_group(__global const char* x, __global const char* w, __global const int* bias,
                              int rows, int k, __global char* out, __global const int* rq, int nrq, int relu) {
	__local int part[256];
	int r = get_group_id(0), b = get_group_id(1);
	int s = group_dot(x + (long)b * k, w + (long)r * k, k, part);
	if (get_local_id(0) == 0) store_fc(out, (long)b * rows + r, r, s + bias[r], rq, nrq, relu);
}

// requant: out = clamp(apply(x), lo, hi) for every input and output type.
#define REQUANT(NAME, TI, TO) \
	__kernel void NAME(__global const TI* x, __global TO* out, int m, int s, long lo, long hi, long n) { \
		size_t i = get_global_id(0); \
		if (i >= n) return; \
		out[i] = (TO)clampl(apply((long)x[i], m, s), lo, hi); \
	}
REQUANT(requant_i8_i8, char, char)
REQUANT(requant_u8_i8, uchar, char)
REQUANT(requant_i32_i8, int, char)
REQUANT(requant_i8_i32, char, int)
REQUANT(requant_u8_i32, uchar, int)
REQUANT(requant_i32_i32, int, int)

__kernel void relu_i8(__global const char* x, __global char* out, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = x[i] < 0 ? 0 : x[i];
}

__kernel void relu_i32(__global const int* x, __global int* out, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = x[i] < 0 ? 0 : x[i];
}

__kernel void add_i8(__global const char* a, __global const char* b, __global char* out, int ma, int sa, int mb, int sb, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = clamp8(apply(a[i], ma, sa) + apply(b[i], mb, sb));
}

__kernel void mul_i8(__global const char* a, __global const char* b, __global char* out, int m, int s, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = clamp8(apply((int)a[i] * (int)b[i], m, s));
}

__kernel void residual_add(__global const int* a, __global const char* b, __global int* out, int m, int s, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = (int)clampl((long)a[i] + apply(b[i], m, s), -RESIDUAL_MAX, RESIDUAL_MAX);
}

__kernel void lut8(__global const char* x, __global const char* table, __global char* out, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = table[(uchar)x[i]];
}

// embedding and kv_write: the host checked tok and pos.
__kernel void embedding(__global const char* table, int dim, int tok, __global char* out, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	out[i] = table[(long)tok * dim + i];
}

__kernel void kv_write(__global const char* cache, __global const char* row, int d, int pos, __global char* out, long n) {
	size_t i = get_global_id(0);
	if (i >= n) return;
	long p = (long)pos * d;
	out[i] = (i >= p && i < p + d) ? row[i - p] : cache[i];
}

// rmsnorm: one work-group over the whole row.
__kernel void rmsnorm(__global const int* x, __global const char* g, __global char* out, int d, int m, int s, long eps) {
	__local long part[256];
	int lid = get_local_id(0), L = get_local_size(0);
	long ss = 0;
	for (int i = lid; i < d; i += L) {
		long c = clampl(x[i], -RESIDUAL_MAX, RESIDUAL_MAX);
		ss += c * c;
	}
	part[lid] = ss;
	barrier(CLK_LOCAL_MEM_FENCE);
	for (int h = L / 2; h > 0; h >>= 1) {
		if (lid < h) part[lid] += part[lid + h];
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	long ms = part[0] / d + eps;
	long r = (long)isqrt64(((ulong)ms) << 8);
	if (r < 1) r = 1;
	for (int i = lid; i < d; i += L) {
		long c = clampl(x[i], -RESIDUAL_MAX, RESIDUAL_MAX);
		long p = c * (long)g[i] * (long)m;
		out[i] = clamp8(round_shift(round_div(p, r), s));
	}
}

// rope: one work-item per pair; the host checked pos.
__kernel void rope(__global const char* x, __global const int* table, int hd, int pos, __global char* out, long n) {
	if (get_global_id(0) >= n) return;
	size_t i = 2 * get_global_id(0);
	int j = i % hd;
	__global const int* row = table + (long)pos * hd;
	long c = clampl(row[j], -(1 << ROPE_FRAC), 1 << ROPE_FRAC);
	long sn = clampl(row[j + 1], -(1 << ROPE_FRAC), 1 << ROPE_FRAC);
	long x0 = x[i], x1 = x[i + 1];
	out[i] = clamp8(round_shift(x0 * c - x1 * sn, ROPE_FRAC));
	out[i + 1] = clamp8(round_shift(x0 * sn + x1 * c, ROPE_FRAC));
}

// softmax_group turns scores[0..n) into Q15 probabilities in place, as
// ops.Softmax: e_j = exp2neg(apply64(min(max-s_j, 2^31))), p_j =
// RoundDiv(e_j << 15, sum e). One work-group; lp holds L longs.
inline void softmax_group(__global int* sc, int n, int m, int s, __local long* lp) {
	int lid = get_local_id(0), L = get_local_size(0);
	long mx = LONG_MIN;
	for (int j = lid; j < n; j += L) mx = max(mx, (long)sc[j]);
	lp[lid] = mx;
	barrier(CLK_LOCAL_MEM_FENCE);
	for (int h = L / 2; h > 0; h >>= 1) {
		if (lid < h) lp[lid] = max(lp[lid], lp[lid + h]);
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	mx = lp[0];
	barrier(CLK_LOCAL_MEM_FENCE);
	long sum = 0;
	for (int j = lid; j < n; j += L) {
		long e = exp2neg(round_shift(min(mx - (long)sc[j], MAX_SCORE_DIFF) * (long)m, s));
		sc[j] = (int)e;
		sum += e;
	}
	lp[lid] = sum;
	barrier(CLK_LOCAL_MEM_FENCE);
	for (int h = L / 2; h > 0; h >>= 1) {
		if (lid < h) lp[lid] += lp[lid + h];
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	sum = lp[0];
	for (int j = lid; j < n; j += L) sc[j] = (int)round_div(((long)sc[j]) << 15, sum);
	barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
}

__kernel void softmax(__global const int* x, __global int* out, int n, int m, int s) {
	__local long lp[256];
	for (int j = get_local_id(0); j < n; j += get_local_size(0)) out[j] = x[j];
	barrier(CLK_GLOBAL_MEM_FENCE);
	softmax_group(out, n, m, s, lp);
}

// attention: one work-group per head. scratch holds heads * seq ints
// (scores, then probabilities). The weighted sum is int32 like ops.Attention
// (probabilities sum to <= 2^15 + n/2, so |acc| < 2^23).
__kernel void attention(__global const char* q, __global const char* kc, __global const char* vc, int pos,
                        int heads, int kvheads, int hd, int seq, int ms, int ss, int mo, int so,
                        __global int* scratch, __global char* out) {
	__local long lp[256];
	int h = get_group_id(0), lid = get_local_id(0), L = get_local_size(0);
	int n = pos + 1, kvd = kvheads * hd, off = (h / (heads / kvheads)) * hd;
	__global const char* qh = q + (long)h * hd;
	__global int* sc = scratch + (long)h * seq;
	for (int j = lid; j < n; j += L) sc[j] = dot_i8(qh, kc + (long)j * kvd + off, hd);
	barrier(CLK_GLOBAL_MEM_FENCE);
	softmax_group(sc, n, ms, ss, lp);
	for (int i = lid; i < hd; i += L) {
		int acc = 0;
		for (int j = 0; j < n; j++) acc += sc[j] * (int)vc[(long)j * kvd + off + i];
		out[(long)h * hd + i] = clamp8(round_shift((long)acc * (long)mo, so));
	}
}

// argmax: one work-group; the lowest index among equal maxima, as ops.Argmax.
#define ARGMAX(NAME, T) \
	__kernel void NAME(__global const T* x, int n, __global int* out) { \
		__local long lv[256]; \
		__local int li[256]; \
		int lid = get_local_id(0), L = get_local_size(0); \
		long bv = LONG_MIN; \
		int bi = -1; \
		for (int i = lid; i < n; i += L) \
			if (bi < 0 || (long)x[i] > bv) { bv = x[i]; bi = i; } \
		lv[lid] = bv; \
		li[lid] = bi; \
		barrier(CLK_LOCAL_MEM_FENCE); \
		for (int h = L / 2; h > 0; h >>= 1) { \
			if (lid < h) { \
				int oi = li[lid + h]; \
				long ov = lv[lid + h]; \
				if (oi >= 0 && (li[lid] < 0 || ov > lv[lid] || (ov == lv[lid] && oi < li[lid]))) { lv[lid] = ov; li[lid] = oi; } \
			} \
			barrier(CLK_LOCAL_MEM_FENCE); \
		} \
		if (lid == 0) out[0] = li[0]; \
	}
ARGMAX(argmax_i8, char)
ARGMAX(argmax_i32, int)

// copy_i32: a STREAM-like device copy, the bandwidth yardstick of the
// benchmarks (reads and writes n ints).
__kernel void copy_i32(__global const int4* a, __global int4* b, long n) {
	size_t i = get_global_id(0);
	if (i < n) b[i] = a[i];
}
