// The decoded form of a WebAssembly 2.0 module, shared by the decoder, validator, both tiers
// and the generators. Function bodies stay as byte ranges: each consumer reads them with the
// shared instruction reader, so decoding a module never walks its code twice.

/** Value types, numbered by their binary encoding. */
export const ValType = {
  I32: 0x7f,
  I64: 0x7e,
  F32: 0x7d,
  F64: 0x7c,
  V128: 0x7b,
  FuncRef: 0x70,
  ExternRef: 0x6f,
} as const;
/** A value type (its binary code). */
export type ValType = (typeof ValType)[keyof typeof ValType];
/** The two reference types of wasm 2.0. */
export type RefType = typeof ValType.FuncRef | typeof ValType.ExternRef;

/** Text-format name of a value type. */
export function valTypeName(t: ValType): string {
  switch (t) {
    case ValType.I32: return 'i32';
    case ValType.I64: return 'i64';
    case ValType.F32: return 'f32';
    case ValType.F64: return 'f64';
    case ValType.V128: return 'v128';
    case ValType.FuncRef: return 'funcref';
    case ValType.ExternRef: return 'externref';
  }
}

/** True for funcref and externref. */
export function isRefType(t: ValType): t is RefType {
  return t === ValType.FuncRef || t === ValType.ExternRef;
}

/** A function signature. */
export interface FuncType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

/** Structural equality of function types (2.0 has no subtyping: params and results match exactly). */
export function sameFuncType(a: FuncType, b: FuncType): boolean {
  if (a === b) return true;
  if (a.params.length !== b.params.length || a.results.length !== b.results.length) return false;
  for (let i = 0; i < a.params.length; i++) if (a.params[i] !== b.params[i]) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i] !== b.results[i]) return false;
  return true;
}

/** Size limits of a table (elements) or memory (64 KiB pages). */
export interface Limits {
  readonly min: number;
  readonly max?: number;
}

export interface TableType {
  readonly elem: RefType;
  readonly limits: Limits;
}

export interface MemoryType {
  readonly limits: Limits;
}

export interface GlobalType {
  readonly type: ValType;
  readonly mutable: boolean;
}

/** The four kinds of importable/exportable entities. */
export type ExternKind = 'func' | 'table' | 'memory' | 'global';

export type ImportDesc =
  | { readonly kind: 'func'; readonly typeIndex: number }
  | { readonly kind: 'table'; readonly type: TableType }
  | { readonly kind: 'memory'; readonly type: MemoryType }
  | { readonly kind: 'global'; readonly type: GlobalType };

export interface Import {
  readonly module: string;
  readonly name: string;
  readonly desc: ImportDesc;
}

export interface Export {
  readonly name: string;
  readonly kind: ExternKind;
  readonly index: number;
}

/**
 * A 2.0 constant expression (a single instruction before `end`). Scalar values use the
 * runtime representation: i32 number, i64 bigint, f32 raw bits as int32, f64 number,
 * v128 Uint8Array(16).
 */
export type ConstExpr =
  | { readonly kind: 'i32.const'; readonly value: number }
  | { readonly kind: 'i64.const'; readonly value: bigint }
  | { readonly kind: 'f32.const'; readonly value: number }
  | { readonly kind: 'f64.const'; readonly value: number }
  | { readonly kind: 'v128.const'; readonly value: Uint8Array }
  | { readonly kind: 'global.get'; readonly index: number }
  | { readonly kind: 'ref.null'; readonly type: RefType }
  | { readonly kind: 'ref.func'; readonly index: number };

export interface Global {
  readonly type: GlobalType;
  readonly init: ConstExpr;
}

/** A defined (non-imported) function: its type and where its body is. */
export interface FuncBody {
  readonly typeIndex: number;
  /** Declared locals, expanded (params not included). */
  readonly locals: readonly ValType[];
  /** Offset of the body's size field in the module binary. */
  readonly offset: number;
  /** Offset of the first instruction (after the local declarations). */
  readonly codeStart: number;
  /** Offset just past the final `end`. */
  readonly codeEnd: number;
}

export interface ElemSegment {
  readonly mode: 'active' | 'passive' | 'declarative';
  readonly table: number;
  readonly offset?: ConstExpr;
  readonly type: RefType;
  /** One expression per element (`ref.func x` for index-list encodings). */
  readonly init: readonly ConstExpr[];
}

export interface DataSegment {
  readonly mode: 'active' | 'passive';
  readonly memory: number;
  readonly offset?: ConstExpr;
  /** A view into the module bytes. */
  readonly bytes: Uint8Array;
}

export interface CustomSection {
  readonly name: string;
  /** Offset of the section's payload (after the name) in the module binary. */
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/** Names from the `name` custom section, decoded on first use. */
export interface NameMap {
  readonly module?: string;
  readonly funcs: ReadonlyMap<number, string>;
  readonly locals: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

/**
 * A decoded module. Index spaces put imports first, as the spec does: `funcTypes[i]` is the
 * type index of function `i` in the function index space (imports included), and likewise
 * `tableTypes`, `memoryTypes`, `globalTypes`.
 */
export interface ModuleInfo {
  readonly bytes: Uint8Array;
  readonly types: readonly FuncType[];
  readonly imports: readonly Import[];
  readonly funcs: readonly FuncBody[];
  readonly tables: readonly TableType[];
  readonly memories: readonly MemoryType[];
  readonly globals: readonly Global[];
  readonly exports: readonly Export[];
  readonly start?: number;
  readonly elems: readonly ElemSegment[];
  readonly datas: readonly DataSegment[];
  readonly dataCount?: number;
  readonly customs: readonly CustomSection[];
  readonly numImportedFuncs: number;
  readonly numImportedTables: number;
  readonly numImportedMemories: number;
  readonly numImportedGlobals: number;
  readonly funcTypes: readonly number[];
  readonly tableTypes: readonly TableType[];
  readonly memoryTypes: readonly MemoryType[];
  readonly globalTypes: readonly GlobalType[];
}
