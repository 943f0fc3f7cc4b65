// Test support: encoding and stack signature of every SIMD instruction, for the V8 oracle that
// builds one tiny module per op. Written independently of runtime/opcodes and checked against
// wabt by opTable.test.ts, so a mistake here cannot hide a mistake there (or the reverse).

/** A value type letter: v=v128 i=i32 I=i64 f=f32 F=f64. */
export type TypeLetter = 'v' | 'i' | 'I' | 'f' | 'F';

/** An instruction's immediate as the oracle must encode it. */
export type OpImm =
  | { readonly kind: 'none' }
  | { readonly kind: 'lane'; readonly lanes: number }
  | { readonly kind: 'shuffle' }
  | { readonly kind: 'v128' }
  | { readonly kind: 'memarg'; readonly bytes: number }
  | { readonly kind: 'memargLane'; readonly bytes: number; readonly lanes: number };

/** One SIMD instruction's facts. */
export interface SimdOpFacts {
  readonly name: string;
  /** Sub-opcode after the 0xfd prefix. */
  readonly code: number;
  readonly params: readonly TypeLetter[];
  readonly result: TypeLetter | undefined;
  readonly imm: OpImm;
}

// code name params:result immediate. Immediates: - none, lN lane of N lanes, s shuffle, c const,
// mN memarg of N bytes, mN/L memarg then lane of L lanes.
const ROWS = `
00 v128.load i:v m16
01 v128.load8x8_s i:v m8
02 v128.load8x8_u i:v m8
03 v128.load16x4_s i:v m8
04 v128.load16x4_u i:v m8
05 v128.load32x2_s i:v m8
06 v128.load32x2_u i:v m8
07 v128.load8_splat i:v m1
08 v128.load16_splat i:v m2
09 v128.load32_splat i:v m4
0a v128.load64_splat i:v m8
0b v128.store iv: m16
0c v128.const :v c
0d i8x16.shuffle vv:v s
0e i8x16.swizzle vv:v -
0f i8x16.splat i:v -
10 i16x8.splat i:v -
11 i32x4.splat i:v -
12 i64x2.splat I:v -
13 f32x4.splat f:v -
14 f64x2.splat F:v -
15 i8x16.extract_lane_s v:i l16
16 i8x16.extract_lane_u v:i l16
17 i8x16.replace_lane vi:v l16
18 i16x8.extract_lane_s v:i l8
19 i16x8.extract_lane_u v:i l8
1a i16x8.replace_lane vi:v l8
1b i32x4.extract_lane v:i l4
1c i32x4.replace_lane vi:v l4
1d i64x2.extract_lane v:I l2
1e i64x2.replace_lane vI:v l2
1f f32x4.extract_lane v:f l4
20 f32x4.replace_lane vf:v l4
21 f64x2.extract_lane v:F l2
22 f64x2.replace_lane vF:v l2
23 i8x16.eq vv:v -
24 i8x16.ne vv:v -
25 i8x16.lt_s vv:v -
26 i8x16.lt_u vv:v -
27 i8x16.gt_s vv:v -
28 i8x16.gt_u vv:v -
29 i8x16.le_s vv:v -
2a i8x16.le_u vv:v -
2b i8x16.ge_s vv:v -
2c i8x16.ge_u vv:v -
2d i16x8.eq vv:v -
2e i16x8.ne vv:v -
2f i16x8.lt_s vv:v -
30 i16x8.lt_u vv:v -
31 i16x8.gt_s vv:v -
32 i16x8.gt_u vv:v -
33 i16x8.le_s vv:v -
34 i16x8.le_u vv:v -
35 i16x8.ge_s vv:v -
36 i16x8.ge_u vv:v -
37 i32x4.eq vv:v -
38 i32x4.ne vv:v -
39 i32x4.lt_s vv:v -
3a i32x4.lt_u vv:v -
3b i32x4.gt_s vv:v -
3c i32x4.gt_u vv:v -
3d i32x4.le_s vv:v -
3e i32x4.le_u vv:v -
3f i32x4.ge_s vv:v -
40 i32x4.ge_u vv:v -
41 f32x4.eq vv:v -
42 f32x4.ne vv:v -
43 f32x4.lt vv:v -
44 f32x4.gt vv:v -
45 f32x4.le vv:v -
46 f32x4.ge vv:v -
47 f64x2.eq vv:v -
48 f64x2.ne vv:v -
49 f64x2.lt vv:v -
4a f64x2.gt vv:v -
4b f64x2.le vv:v -
4c f64x2.ge vv:v -
4d v128.not v:v -
4e v128.and vv:v -
4f v128.andnot vv:v -
50 v128.or vv:v -
51 v128.xor vv:v -
52 v128.bitselect vvv:v -
53 v128.any_true v:i -
54 v128.load8_lane iv:v m1/16
55 v128.load16_lane iv:v m2/8
56 v128.load32_lane iv:v m4/4
57 v128.load64_lane iv:v m8/2
58 v128.store8_lane iv: m1/16
59 v128.store16_lane iv: m2/8
5a v128.store32_lane iv: m4/4
5b v128.store64_lane iv: m8/2
5c v128.load32_zero i:v m4
5d v128.load64_zero i:v m8
5e f32x4.demote_f64x2_zero v:v -
5f f64x2.promote_low_f32x4 v:v -
60 i8x16.abs v:v -
61 i8x16.neg v:v -
62 i8x16.popcnt v:v -
63 i8x16.all_true v:i -
64 i8x16.bitmask v:i -
65 i8x16.narrow_i16x8_s vv:v -
66 i8x16.narrow_i16x8_u vv:v -
67 f32x4.ceil v:v -
68 f32x4.floor v:v -
69 f32x4.trunc v:v -
6a f32x4.nearest v:v -
6b i8x16.shl vi:v -
6c i8x16.shr_s vi:v -
6d i8x16.shr_u vi:v -
6e i8x16.add vv:v -
6f i8x16.add_sat_s vv:v -
70 i8x16.add_sat_u vv:v -
71 i8x16.sub vv:v -
72 i8x16.sub_sat_s vv:v -
73 i8x16.sub_sat_u vv:v -
74 f64x2.ceil v:v -
75 f64x2.floor v:v -
76 i8x16.min_s vv:v -
77 i8x16.min_u vv:v -
78 i8x16.max_s vv:v -
79 i8x16.max_u vv:v -
7a f64x2.trunc v:v -
7b i8x16.avgr_u vv:v -
7c i16x8.extadd_pairwise_i8x16_s v:v -
7d i16x8.extadd_pairwise_i8x16_u v:v -
7e i32x4.extadd_pairwise_i16x8_s v:v -
7f i32x4.extadd_pairwise_i16x8_u v:v -
80 i16x8.abs v:v -
81 i16x8.neg v:v -
82 i16x8.q15mulr_sat_s vv:v -
83 i16x8.all_true v:i -
84 i16x8.bitmask v:i -
85 i16x8.narrow_i32x4_s vv:v -
86 i16x8.narrow_i32x4_u vv:v -
87 i16x8.extend_low_i8x16_s v:v -
88 i16x8.extend_high_i8x16_s v:v -
89 i16x8.extend_low_i8x16_u v:v -
8a i16x8.extend_high_i8x16_u v:v -
8b i16x8.shl vi:v -
8c i16x8.shr_s vi:v -
8d i16x8.shr_u vi:v -
8e i16x8.add vv:v -
8f i16x8.add_sat_s vv:v -
90 i16x8.add_sat_u vv:v -
91 i16x8.sub vv:v -
92 i16x8.sub_sat_s vv:v -
93 i16x8.sub_sat_u vv:v -
94 f64x2.nearest v:v -
95 i16x8.mul vv:v -
96 i16x8.min_s vv:v -
97 i16x8.min_u vv:v -
98 i16x8.max_s vv:v -
99 i16x8.max_u vv:v -
9b i16x8.avgr_u vv:v -
9c i16x8.extmul_low_i8x16_s vv:v -
9d i16x8.extmul_high_i8x16_s vv:v -
9e i16x8.extmul_low_i8x16_u vv:v -
9f i16x8.extmul_high_i8x16_u vv:v -
a0 i32x4.abs v:v -
a1 i32x4.neg v:v -
a3 i32x4.all_true v:i -
a4 i32x4.bitmask v:i -
a7 i32x4.extend_low_i16x8_s v:v -
a8 i32x4.extend_high_i16x8_s v:v -
a9 i32x4.extend_low_i16x8_u v:v -
aa i32x4.extend_high_i16x8_u v:v -
ab i32x4.shl vi:v -
ac i32x4.shr_s vi:v -
ad i32x4.shr_u vi:v -
ae i32x4.add vv:v -
b1 i32x4.sub vv:v -
b5 i32x4.mul vv:v -
b6 i32x4.min_s vv:v -
b7 i32x4.min_u vv:v -
b8 i32x4.max_s vv:v -
b9 i32x4.max_u vv:v -
ba i32x4.dot_i16x8_s vv:v -
bc i32x4.extmul_low_i16x8_s vv:v -
bd i32x4.extmul_high_i16x8_s vv:v -
be i32x4.extmul_low_i16x8_u vv:v -
bf i32x4.extmul_high_i16x8_u vv:v -
c0 i64x2.abs v:v -
c1 i64x2.neg v:v -
c3 i64x2.all_true v:i -
c4 i64x2.bitmask v:i -
c7 i64x2.extend_low_i32x4_s v:v -
c8 i64x2.extend_high_i32x4_s v:v -
c9 i64x2.extend_low_i32x4_u v:v -
ca i64x2.extend_high_i32x4_u v:v -
cb i64x2.shl vi:v -
cc i64x2.shr_s vi:v -
cd i64x2.shr_u vi:v -
ce i64x2.add vv:v -
d1 i64x2.sub vv:v -
d5 i64x2.mul vv:v -
d6 i64x2.eq vv:v -
d7 i64x2.ne vv:v -
d8 i64x2.lt_s vv:v -
d9 i64x2.gt_s vv:v -
da i64x2.le_s vv:v -
db i64x2.ge_s vv:v -
dc i64x2.extmul_low_i32x4_s vv:v -
dd i64x2.extmul_high_i32x4_s vv:v -
de i64x2.extmul_low_i32x4_u vv:v -
df i64x2.extmul_high_i32x4_u vv:v -
e0 f32x4.abs v:v -
e1 f32x4.neg v:v -
e3 f32x4.sqrt v:v -
e4 f32x4.add vv:v -
e5 f32x4.sub vv:v -
e6 f32x4.mul vv:v -
e7 f32x4.div vv:v -
e8 f32x4.min vv:v -
e9 f32x4.max vv:v -
ea f32x4.pmin vv:v -
eb f32x4.pmax vv:v -
ec f64x2.abs v:v -
ed f64x2.neg v:v -
ef f64x2.sqrt v:v -
f0 f64x2.add vv:v -
f1 f64x2.sub vv:v -
f2 f64x2.mul vv:v -
f3 f64x2.div vv:v -
f4 f64x2.min vv:v -
f5 f64x2.max vv:v -
f6 f64x2.pmin vv:v -
f7 f64x2.pmax vv:v -
f8 i32x4.trunc_sat_f32x4_s v:v -
f9 i32x4.trunc_sat_f32x4_u v:v -
fa f32x4.convert_i32x4_s v:v -
fb f32x4.convert_i32x4_u v:v -
fc i32x4.trunc_sat_f64x2_s_zero v:v -
fd i32x4.trunc_sat_f64x2_u_zero v:v -
fe f64x2.convert_low_i32x4_s v:v -
ff f64x2.convert_low_i32x4_u v:v -
`;

function parseImm(text: string): OpImm {
  if (text === '-') return { kind: 'none' };
  if (text === 's') return { kind: 'shuffle' };
  if (text === 'c') return { kind: 'v128' };
  if (text[0] === 'l') return { kind: 'lane', lanes: Number(text.slice(1)) };
  const [bytes, lanes] = text.slice(1).split('/').map(Number);
  return lanes === undefined
    ? { kind: 'memarg', bytes: bytes! }
    : { kind: 'memargLane', bytes: bytes!, lanes };
}

/** Every SIMD instruction of wasm 2.0, by mnemonic. */
export const SIMD_OPS: ReadonlyMap<string, SimdOpFacts> = new Map(
  ROWS.trim()
    .split('\n')
    .map((line): [string, SimdOpFacts] => {
      const [code, name, sig, imm] = line.split(' ') as [string, string, string, string];
      const [params, result] = sig.split(':') as [string, string];
      return [
        name,
        {
          name,
          code: parseInt(code, 16),
          params: [...params] as TypeLetter[],
          result: (result || undefined) as TypeLetter | undefined,
          imm: parseImm(imm),
        },
      ];
    }),
);
