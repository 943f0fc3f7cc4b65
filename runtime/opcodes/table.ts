// The one table of opcode facts: encoding, text name, immediates, stack effect and the traps an
// opcode can raise. Decoder, validator, both tiers and the generators all read it; control and
// polymorphic instructions are marked special (sig `*`) and handled by each consumer by name.

import { ValType } from '../types.js';
import { TrapKind } from '../errors.js';

/** What follows an opcode in the binary. */
export type ImmKind =
  | 'none'
  | 'blocktype' // block, loop, if
  | 'label' // br, br_if
  | 'br_table'
  | 'func' // call, ref.func
  | 'call_indirect' // type index, table index
  | 'local'
  | 'global'
  | 'table' // table.get/set/grow/size/fill
  | 'memarg' // align, offset
  | 'memory' // memory.size/grow/fill: one reserved 0x00 byte
  | 'i32'
  | 'i64'
  | 'f32'
  | 'f64'
  | 'v128'
  | 'shuffle' // 16 lane bytes
  | 'lane' // one lane byte
  | 'memarg_lane' // memarg then a lane byte
  | 'select_t' // vec(valtype)
  | 'reftype' // ref.null
  | 'elem' // elem.drop
  | 'data' // data.drop
  | 'table_table' // table.copy dst src
  | 'elem_table' // table.init elem table
  | 'data_memory' // memory.init data 0x00
  | 'memory_memory'; // memory.copy 0x00 0x00

/** One opcode's facts. */
export interface OpInfo {
  /** Dense index into {@link OPS}: a small integer for interpreter dispatch. */
  readonly id: number;
  /** Text-format mnemonic, e.g. `i32.add`. */
  readonly name: string;
  /** Prefix byte (0xfc, 0xfd) or 0 for single-byte opcodes. */
  readonly prefix: number;
  /** The opcode byte, or the LEB-encoded sub-opcode after a prefix. */
  readonly code: number;
  readonly imm: ImmKind;
  /** Fixed stack effect, or undefined for special instructions (control, locals, refs...). */
  readonly params?: readonly ValType[];
  readonly results?: readonly ValType[];
  /** Traps this opcode can raise. */
  readonly traps: readonly TrapKind[];
  /** For memory accesses: bytes accessed (natural alignment is log2 of it). */
  readonly memBytes?: number;
}

const T: Record<string, ValType> = {
  i: ValType.I32, I: ValType.I64, f: ValType.F32, F: ValType.F64, v: ValType.V128,
};
const TRAPS: Record<string, TrapKind> = {
  U: TrapKind.Unreachable,
  M: TrapKind.MemoryOutOfBounds,
  T: TrapKind.TableOutOfBounds,
  N: TrapKind.IndirectCallToNull,
  E: TrapKind.UndefinedElement,
  S: TrapKind.IndirectCallTypeMismatch,
  Z: TrapKind.IntegerDivideByZero,
  O: TrapKind.IntegerOverflow,
  C: TrapKind.InvalidConversionToInteger,
  X: TrapKind.CallStackExhausted,
};

// Rows: `code name imm sig traps [memBytes]`. code is hex, `fc:NN`/`fd:NN` for prefixed ops.
// sig: param letters ':' result letters (i=i32 I=i64 f=f32 F=f64 v=v128), or `*` for special.
// traps: letters from TRAPS above, or `-`.
const ROWS = `
00 unreachable none * U
01 nop none * -
02 block blocktype * -
03 loop blocktype * -
04 if blocktype * -
05 else none * -
0b end none * -
0c br label * -
0d br_if label * -
0e br_table br_table * -
0f return none * -
10 call func * X
11 call_indirect call_indirect * XNES
1a drop none * -
1b select none * -
1c select_t select_t * -
20 local.get local * -
21 local.set local * -
22 local.tee local * -
23 global.get global * -
24 global.set global * -
25 table.get table * T
26 table.set table * T
28 i32.load memarg i:i M 4
29 i64.load memarg i:I M 8
2a f32.load memarg i:f M 4
2b f64.load memarg i:F M 8
2c i32.load8_s memarg i:i M 1
2d i32.load8_u memarg i:i M 1
2e i32.load16_s memarg i:i M 2
2f i32.load16_u memarg i:i M 2
30 i64.load8_s memarg i:I M 1
31 i64.load8_u memarg i:I M 1
32 i64.load16_s memarg i:I M 2
33 i64.load16_u memarg i:I M 2
34 i64.load32_s memarg i:I M 4
35 i64.load32_u memarg i:I M 4
36 i32.store memarg ii: M 4
37 i64.store memarg iI: M 8
38 f32.store memarg if: M 4
39 f64.store memarg iF: M 8
3a i32.store8 memarg ii: M 1
3b i32.store16 memarg ii: M 2
3c i64.store8 memarg iI: M 1
3d i64.store16 memarg iI: M 2
3e i64.store32 memarg iI: M 4
3f memory.size memory :i -
40 memory.grow memory i:i -
41 i32.const i32 :i -
42 i64.const i64 :I -
43 f32.const f32 :f -
44 f64.const f64 :F -
45 i32.eqz none i:i -
46 i32.eq none ii:i -
47 i32.ne none ii:i -
48 i32.lt_s none ii:i -
49 i32.lt_u none ii:i -
4a i32.gt_s none ii:i -
4b i32.gt_u none ii:i -
4c i32.le_s none ii:i -
4d i32.le_u none ii:i -
4e i32.ge_s none ii:i -
4f i32.ge_u none ii:i -
50 i64.eqz none I:i -
51 i64.eq none II:i -
52 i64.ne none II:i -
53 i64.lt_s none II:i -
54 i64.lt_u none II:i -
55 i64.gt_s none II:i -
56 i64.gt_u none II:i -
57 i64.le_s none II:i -
58 i64.le_u none II:i -
59 i64.ge_s none II:i -
5a i64.ge_u none II:i -
5b f32.eq none ff:i -
5c f32.ne none ff:i -
5d f32.lt none ff:i -
5e f32.gt none ff:i -
5f f32.le none ff:i -
60 f32.ge none ff:i -
61 f64.eq none FF:i -
62 f64.ne none FF:i -
63 f64.lt none FF:i -
64 f64.gt none FF:i -
65 f64.le none FF:i -
66 f64.ge none FF:i -
67 i32.clz none i:i -
68 i32.ctz none i:i -
69 i32.popcnt none i:i -
6a i32.add none ii:i -
6b i32.sub none ii:i -
6c i32.mul none ii:i -
6d i32.div_s none ii:i ZO
6e i32.div_u none ii:i Z
6f i32.rem_s none ii:i Z
70 i32.rem_u none ii:i Z
71 i32.and none ii:i -
72 i32.or none ii:i -
73 i32.xor none ii:i -
74 i32.shl none ii:i -
75 i32.shr_s none ii:i -
76 i32.shr_u none ii:i -
77 i32.rotl none ii:i -
78 i32.rotr none ii:i -
79 i64.clz none I:I -
7a i64.ctz none I:I -
7b i64.popcnt none I:I -
7c i64.add none II:I -
7d i64.sub none II:I -
7e i64.mul none II:I -
7f i64.div_s none II:I ZO
80 i64.div_u none II:I Z
81 i64.rem_s none II:I Z
82 i64.rem_u none II:I Z
83 i64.and none II:I -
84 i64.or none II:I -
85 i64.xor none II:I -
86 i64.shl none II:I -
87 i64.shr_s none II:I -
88 i64.shr_u none II:I -
89 i64.rotl none II:I -
8a i64.rotr none II:I -
8b f32.abs none f:f -
8c f32.neg none f:f -
8d f32.ceil none f:f -
8e f32.floor none f:f -
8f f32.trunc none f:f -
90 f32.nearest none f:f -
91 f32.sqrt none f:f -
92 f32.add none ff:f -
93 f32.sub none ff:f -
94 f32.mul none ff:f -
95 f32.div none ff:f -
96 f32.min none ff:f -
97 f32.max none ff:f -
98 f32.copysign none ff:f -
99 f64.abs none F:F -
9a f64.neg none F:F -
9b f64.ceil none F:F -
9c f64.floor none F:F -
9d f64.trunc none F:F -
9e f64.nearest none F:F -
9f f64.sqrt none F:F -
a0 f64.add none FF:F -
a1 f64.sub none FF:F -
a2 f64.mul none FF:F -
a3 f64.div none FF:F -
a4 f64.min none FF:F -
a5 f64.max none FF:F -
a6 f64.copysign none FF:F -
a7 i32.wrap_i64 none I:i -
a8 i32.trunc_f32_s none f:i OC
a9 i32.trunc_f32_u none f:i OC
aa i32.trunc_f64_s none F:i OC
ab i32.trunc_f64_u none F:i OC
ac i64.extend_i32_s none i:I -
ad i64.extend_i32_u none i:I -
ae i64.trunc_f32_s none f:I OC
af i64.trunc_f32_u none f:I OC
b0 i64.trunc_f64_s none F:I OC
b1 i64.trunc_f64_u none F:I OC
b2 f32.convert_i32_s none i:f -
b3 f32.convert_i32_u none i:f -
b4 f32.convert_i64_s none I:f -
b5 f32.convert_i64_u none I:f -
b6 f32.demote_f64 none F:f -
b7 f64.convert_i32_s none i:F -
b8 f64.convert_i32_u none i:F -
b9 f64.convert_i64_s none I:F -
ba f64.convert_i64_u none I:F -
bb f64.promote_f32 none f:F -
bc i32.reinterpret_f32 none f:i -
bd i64.reinterpret_f64 none F:I -
be f32.reinterpret_i32 none i:f -
bf f64.reinterpret_i64 none I:F -
c0 i32.extend8_s none i:i -
c1 i32.extend16_s none i:i -
c2 i64.extend8_s none I:I -
c3 i64.extend16_s none I:I -
c4 i64.extend32_s none I:I -
d0 ref.null reftype * -
d1 ref.is_null none * -
d2 ref.func func * -
fc:00 i32.trunc_sat_f32_s none f:i -
fc:01 i32.trunc_sat_f32_u none f:i -
fc:02 i32.trunc_sat_f64_s none F:i -
fc:03 i32.trunc_sat_f64_u none F:i -
fc:04 i64.trunc_sat_f32_s none f:I -
fc:05 i64.trunc_sat_f32_u none f:I -
fc:06 i64.trunc_sat_f64_s none F:I -
fc:07 i64.trunc_sat_f64_u none F:I -
fc:08 memory.init data_memory iii: M
fc:09 data.drop data : -
fc:0a memory.copy memory_memory iii: M
fc:0b memory.fill memory iii: M
fc:0c table.init elem_table iii: T
fc:0d elem.drop elem : -
fc:0e table.copy table_table iii: T
fc:0f table.grow table * -
fc:10 table.size table * -
fc:11 table.fill table * T
fd:00 v128.load memarg i:v M 16
fd:01 v128.load8x8_s memarg i:v M 8
fd:02 v128.load8x8_u memarg i:v M 8
fd:03 v128.load16x4_s memarg i:v M 8
fd:04 v128.load16x4_u memarg i:v M 8
fd:05 v128.load32x2_s memarg i:v M 8
fd:06 v128.load32x2_u memarg i:v M 8
fd:07 v128.load8_splat memarg i:v M 1
fd:08 v128.load16_splat memarg i:v M 2
fd:09 v128.load32_splat memarg i:v M 4
fd:0a v128.load64_splat memarg i:v M 8
fd:0b v128.store memarg iv: M 16
fd:0c v128.const v128 :v -
fd:0d i8x16.shuffle shuffle vv:v -
fd:0e i8x16.swizzle none vv:v -
fd:0f i8x16.splat none i:v -
fd:10 i16x8.splat none i:v -
fd:11 i32x4.splat none i:v -
fd:12 i64x2.splat none I:v -
fd:13 f32x4.splat none f:v -
fd:14 f64x2.splat none F:v -
fd:15 i8x16.extract_lane_s lane v:i -
fd:16 i8x16.extract_lane_u lane v:i -
fd:17 i8x16.replace_lane lane vi:v -
fd:18 i16x8.extract_lane_s lane v:i -
fd:19 i16x8.extract_lane_u lane v:i -
fd:1a i16x8.replace_lane lane vi:v -
fd:1b i32x4.extract_lane lane v:i -
fd:1c i32x4.replace_lane lane vi:v -
fd:1d i64x2.extract_lane lane v:I -
fd:1e i64x2.replace_lane lane vI:v -
fd:1f f32x4.extract_lane lane v:f -
fd:20 f32x4.replace_lane lane vf:v -
fd:21 f64x2.extract_lane lane v:F -
fd:22 f64x2.replace_lane lane vF:v -
fd:23 i8x16.eq none vv:v -
fd:24 i8x16.ne none vv:v -
fd:25 i8x16.lt_s none vv:v -
fd:26 i8x16.lt_u none vv:v -
fd:27 i8x16.gt_s none vv:v -
fd:28 i8x16.gt_u none vv:v -
fd:29 i8x16.le_s none vv:v -
fd:2a i8x16.le_u none vv:v -
fd:2b i8x16.ge_s none vv:v -
fd:2c i8x16.ge_u none vv:v -
fd:2d i16x8.eq none vv:v -
fd:2e i16x8.ne none vv:v -
fd:2f i16x8.lt_s none vv:v -
fd:30 i16x8.lt_u none vv:v -
fd:31 i16x8.gt_s none vv:v -
fd:32 i16x8.gt_u none vv:v -
fd:33 i16x8.le_s none vv:v -
fd:34 i16x8.le_u none vv:v -
fd:35 i16x8.ge_s none vv:v -
fd:36 i16x8.ge_u none vv:v -
fd:37 i32x4.eq none vv:v -
fd:38 i32x4.ne none vv:v -
fd:39 i32x4.lt_s none vv:v -
fd:3a i32x4.lt_u none vv:v -
fd:3b i32x4.gt_s none vv:v -
fd:3c i32x4.gt_u none vv:v -
fd:3d i32x4.le_s none vv:v -
fd:3e i32x4.le_u none vv:v -
fd:3f i32x4.ge_s none vv:v -
fd:40 i32x4.ge_u none vv:v -
fd:41 f32x4.eq none vv:v -
fd:42 f32x4.ne none vv:v -
fd:43 f32x4.lt none vv:v -
fd:44 f32x4.gt none vv:v -
fd:45 f32x4.le none vv:v -
fd:46 f32x4.ge none vv:v -
fd:47 f64x2.eq none vv:v -
fd:48 f64x2.ne none vv:v -
fd:49 f64x2.lt none vv:v -
fd:4a f64x2.gt none vv:v -
fd:4b f64x2.le none vv:v -
fd:4c f64x2.ge none vv:v -
fd:4d v128.not none v:v -
fd:4e v128.and none vv:v -
fd:4f v128.andnot none vv:v -
fd:50 v128.or none vv:v -
fd:51 v128.xor none vv:v -
fd:52 v128.bitselect none vvv:v -
fd:53 v128.any_true none v:i -
fd:54 v128.load8_lane memarg_lane iv:v M 1
fd:55 v128.load16_lane memarg_lane iv:v M 2
fd:56 v128.load32_lane memarg_lane iv:v M 4
fd:57 v128.load64_lane memarg_lane iv:v M 8
fd:58 v128.store8_lane memarg_lane iv: M 1
fd:59 v128.store16_lane memarg_lane iv: M 2
fd:5a v128.store32_lane memarg_lane iv: M 4
fd:5b v128.store64_lane memarg_lane iv: M 8
fd:5c v128.load32_zero memarg i:v M 4
fd:5d v128.load64_zero memarg i:v M 8
fd:5e f32x4.demote_f64x2_zero none v:v -
fd:5f f64x2.promote_low_f32x4 none v:v -
fd:60 i8x16.abs none v:v -
fd:61 i8x16.neg none v:v -
fd:62 i8x16.popcnt none v:v -
fd:63 i8x16.all_true none v:i -
fd:64 i8x16.bitmask none v:i -
fd:65 i8x16.narrow_i16x8_s none vv:v -
fd:66 i8x16.narrow_i16x8_u none vv:v -
fd:67 f32x4.ceil none v:v -
fd:68 f32x4.floor none v:v -
fd:69 f32x4.trunc none v:v -
fd:6a f32x4.nearest none v:v -
fd:6b i8x16.shl none vi:v -
fd:6c i8x16.shr_s none vi:v -
fd:6d i8x16.shr_u none vi:v -
fd:6e i8x16.add none vv:v -
fd:6f i8x16.add_sat_s none vv:v -
fd:70 i8x16.add_sat_u none vv:v -
fd:71 i8x16.sub none vv:v -
fd:72 i8x16.sub_sat_s none vv:v -
fd:73 i8x16.sub_sat_u none vv:v -
fd:74 f64x2.ceil none v:v -
fd:75 f64x2.floor none v:v -
fd:76 i8x16.min_s none vv:v -
fd:77 i8x16.min_u none vv:v -
fd:78 i8x16.max_s none vv:v -
fd:79 i8x16.max_u none vv:v -
fd:7a f64x2.trunc none v:v -
fd:7b i8x16.avgr_u none vv:v -
fd:7c i16x8.extadd_pairwise_i8x16_s none v:v -
fd:7d i16x8.extadd_pairwise_i8x16_u none v:v -
fd:7e i32x4.extadd_pairwise_i16x8_s none v:v -
fd:7f i32x4.extadd_pairwise_i16x8_u none v:v -
fd:80 i16x8.abs none v:v -
fd:81 i16x8.neg none v:v -
fd:82 i16x8.q15mulr_sat_s none vv:v -
fd:83 i16x8.all_true none v:i -
fd:84 i16x8.bitmask none v:i -
fd:85 i16x8.narrow_i32x4_s none vv:v -
fd:86 i16x8.narrow_i32x4_u none vv:v -
fd:87 i16x8.extend_low_i8x16_s none v:v -
fd:88 i16x8.extend_high_i8x16_s none v:v -
fd:89 i16x8.extend_low_i8x16_u none v:v -
fd:8a i16x8.extend_high_i8x16_u none v:v -
fd:8b i16x8.shl none vi:v -
fd:8c i16x8.shr_s none vi:v -
fd:8d i16x8.shr_u none vi:v -
fd:8e i16x8.add none vv:v -
fd:8f i16x8.add_sat_s none vv:v -
fd:90 i16x8.add_sat_u none vv:v -
fd:91 i16x8.sub none vv:v -
fd:92 i16x8.sub_sat_s none vv:v -
fd:93 i16x8.sub_sat_u none vv:v -
fd:94 f64x2.nearest none v:v -
fd:95 i16x8.mul none vv:v -
fd:96 i16x8.min_s none vv:v -
fd:97 i16x8.min_u none vv:v -
fd:98 i16x8.max_s none vv:v -
fd:99 i16x8.max_u none vv:v -
fd:9b i16x8.avgr_u none vv:v -
fd:9c i16x8.extmul_low_i8x16_s none vv:v -
fd:9d i16x8.extmul_high_i8x16_s none vv:v -
fd:9e i16x8.extmul_low_i8x16_u none vv:v -
fd:9f i16x8.extmul_high_i8x16_u none vv:v -
fd:a0 i32x4.abs none v:v -
fd:a1 i32x4.neg none v:v -
fd:a3 i32x4.all_true none v:i -
fd:a4 i32x4.bitmask none v:i -
fd:a7 i32x4.extend_low_i16x8_s none v:v -
fd:a8 i32x4.extend_high_i16x8_s none v:v -
fd:a9 i32x4.extend_low_i16x8_u none v:v -
fd:aa i32x4.extend_high_i16x8_u none v:v -
fd:ab i32x4.shl none vi:v -
fd:ac i32x4.shr_s none vi:v -
fd:ad i32x4.shr_u none vi:v -
fd:ae i32x4.add none vv:v -
fd:b1 i32x4.sub none vv:v -
fd:b5 i32x4.mul none vv:v -
fd:b6 i32x4.min_s none vv:v -
fd:b7 i32x4.min_u none vv:v -
fd:b8 i32x4.max_s none vv:v -
fd:b9 i32x4.max_u none vv:v -
fd:ba i32x4.dot_i16x8_s none vv:v -
fd:bc i32x4.extmul_low_i16x8_s none vv:v -
fd:bd i32x4.extmul_high_i16x8_s none vv:v -
fd:be i32x4.extmul_low_i16x8_u none vv:v -
fd:bf i32x4.extmul_high_i16x8_u none vv:v -
fd:c0 i64x2.abs none v:v -
fd:c1 i64x2.neg none v:v -
fd:c3 i64x2.all_true none v:i -
fd:c4 i64x2.bitmask none v:i -
fd:c7 i64x2.extend_low_i32x4_s none v:v -
fd:c8 i64x2.extend_high_i32x4_s none v:v -
fd:c9 i64x2.extend_low_i32x4_u none v:v -
fd:ca i64x2.extend_high_i32x4_u none v:v -
fd:cb i64x2.shl none vi:v -
fd:cc i64x2.shr_s none vi:v -
fd:cd i64x2.shr_u none vi:v -
fd:ce i64x2.add none vv:v -
fd:d1 i64x2.sub none vv:v -
fd:d5 i64x2.mul none vv:v -
fd:d6 i64x2.eq none vv:v -
fd:d7 i64x2.ne none vv:v -
fd:d8 i64x2.lt_s none vv:v -
fd:d9 i64x2.gt_s none vv:v -
fd:da i64x2.le_s none vv:v -
fd:db i64x2.ge_s none vv:v -
fd:dc i64x2.extmul_low_i32x4_s none vv:v -
fd:dd i64x2.extmul_high_i32x4_s none vv:v -
fd:de i64x2.extmul_low_i32x4_u none vv:v -
fd:df i64x2.extmul_high_i32x4_u none vv:v -
fd:e0 f32x4.abs none v:v -
fd:e1 f32x4.neg none v:v -
fd:e3 f32x4.sqrt none v:v -
fd:e4 f32x4.add none vv:v -
fd:e5 f32x4.sub none vv:v -
fd:e6 f32x4.mul none vv:v -
fd:e7 f32x4.div none vv:v -
fd:e8 f32x4.min none vv:v -
fd:e9 f32x4.max none vv:v -
fd:ea f32x4.pmin none vv:v -
fd:eb f32x4.pmax none vv:v -
fd:ec f64x2.abs none v:v -
fd:ed f64x2.neg none v:v -
fd:ef f64x2.sqrt none v:v -
fd:f0 f64x2.add none vv:v -
fd:f1 f64x2.sub none vv:v -
fd:f2 f64x2.mul none vv:v -
fd:f3 f64x2.div none vv:v -
fd:f4 f64x2.min none vv:v -
fd:f5 f64x2.max none vv:v -
fd:f6 f64x2.pmin none vv:v -
fd:f7 f64x2.pmax none vv:v -
fd:f8 i32x4.trunc_sat_f32x4_s none v:v -
fd:f9 i32x4.trunc_sat_f32x4_u none v:v -
fd:fa f32x4.convert_i32x4_s none v:v -
fd:fb f32x4.convert_i32x4_u none v:v -
fd:fc i32x4.trunc_sat_f64x2_s_zero none v:v -
fd:fd i32x4.trunc_sat_f64x2_u_zero none v:v -
fd:fe f64x2.convert_low_i32x4_s none v:v -
fd:ff f64x2.convert_low_i32x4_u none v:v -
`;

function parseRows(): OpInfo[] {
  const ops: OpInfo[] = [];
  for (const line of ROWS.split('\n')) {
    if (line.trim() === '') continue;
    const [codeText, name, imm, sig, traps, memBytes] = line.trim().split(/\s+/);
    const [prefix, code] = codeText.includes(':')
      ? codeText.split(':').map((h) => parseInt(h, 16))
      : [0, parseInt(codeText, 16)];
    const letters = (s: string) => [...s].map((c) => T[c]);
    const [p, r] = sig === '*' ? [undefined, undefined] : sig.split(':').map(letters);
    ops.push({
      id: ops.length,
      name,
      prefix,
      code,
      imm: imm as ImmKind,
      params: p,
      results: r,
      traps: traps === '-' ? [] : [...traps].map((c) => TRAPS[c]),
      memBytes: memBytes === undefined ? undefined : Number(memBytes),
    });
  }
  return ops;
}

/** Every opcode of WebAssembly 2.0, in table order; `OPS[op.id] === op`. */
export const OPS: readonly OpInfo[] = parseRows();

/** Single-byte opcodes by byte. */
export const PLAIN_OPS: readonly (OpInfo | undefined)[] = byCode(0);
/** 0xfc-prefixed opcodes by sub-opcode. */
export const FC_OPS: readonly (OpInfo | undefined)[] = byCode(0xfc);
/** 0xfd-prefixed (SIMD) opcodes by sub-opcode. */
export const FD_OPS: readonly (OpInfo | undefined)[] = byCode(0xfd);

/** Opcodes by text-format mnemonic (`select_t` is the typed select). */
export const OPS_BY_NAME: ReadonlyMap<string, OpInfo> = new Map(OPS.map((o) => [o.name, o]));

function byCode(prefix: number): (OpInfo | undefined)[] {
  const out: (OpInfo | undefined)[] = new Array(prefix === 0xfd ? 0x100 : prefix === 0xfc ? 0x12 : 0x100).fill(undefined);
  for (const op of OPS) if (op.prefix === prefix) out[op.code] = op;
  return out;
}

/** Looks an op up by name, throwing on a typo (for the tiers' and generators' tables). */
export function op(name: string): OpInfo {
  const found = OPS_BY_NAME.get(name);
  if (!found) throw new Error(`no opcode named ${name}`);
  return found;
}
