// The parsed model of a .wast spec script: commands, actions, argument constants and
// expected-result patterns. Text modules stay source text (another tool compiles them).
// Also Crucible's own assertions (assert_backtrace, assert_host_error), used in spectests/.
// Types only: parsing lives in parseScript.ts and _internals/.

/** Where a form starts: its opening paren. Lines and columns are 1-based. */
export interface Located {
  line: number;
  col: number;
  /** Source offset of the opening paren. */
  offset: number;
}

// ---- Values ---------------------------------------------------------------------------

/** i32 argument/result, as a signed 32-bit number. */
export interface I32Const { type: 'i32'; value: number }
/** i64 argument/result, as a signed 64-bit bigint. */
export interface I64Const { type: 'i64'; value: bigint }
/** f32 by its uint32 bit pattern (keeps NaN payloads and -0 exact). */
export interface F32Const { type: 'f32'; bits: number }
/** f64 by its uint64 bit pattern. */
export interface F64Const { type: 'f64'; bits: bigint }
/** v128 as 16 little-endian bytes. */
export interface V128Const { type: 'v128'; bytes: Uint8Array }
/** A null reference of the given type. */
export interface RefNullConst { type: 'ref.null'; ref: 'func' | 'extern' }
/** `(ref.extern N)`: the host reference numbered N (0 <= N < 2^32). */
export interface RefExternConst { type: 'ref.extern'; value: number }

/** An argument of `invoke` (also a literal expected result). */
export type Const = I32Const | I64Const | F32Const | F64Const | V128Const | RefNullConst | RefExternConst;

// ---- Expected results ------------------------------------------------------------------

/** Which NaNs a `nan:canonical` / `nan:arithmetic` pattern accepts (either sign). */
export type NanKind = 'canonical' | 'arithmetic';

/** `(f32.const nan:canonical)` and friends. */
export interface NanPattern { type: 'f32' | 'f64'; nan: NanKind }

/** v128 lane interpretations. */
export type V128Shape = 'i8x16' | 'i16x8' | 'i32x4' | 'i64x2' | 'f32x4' | 'f64x2';

/**
 * One expected v128 lane, always the lane's UNSIGNED bit pattern: a number for 8/16/32-bit
 * lanes (i8, i16, i32 and f32 bits), a bigint for 64-bit lanes (i64 and f64 bits); or a
 * NaN pattern in float shapes.
 */
export type V128Lane = number | bigint | { nan: NanKind };

/**
 * An expected v128, kept with the shape it was written in so a runner can print lanes.
 * `bytes` is present exactly when no lane is a NaN pattern (compare bitwise then).
 */
export interface V128Pattern {
  type: 'v128';
  shape: V128Shape;
  lanes: V128Lane[];
  bytes?: Uint8Array;
}

/** `(ref.extern)` or `(ref.func)` with no operand: any non-null reference of that type. */
export interface RefAnyPattern { type: 'ref.extern' | 'ref.func'; value?: undefined }

/** One expected result of `assert_return`. */
export type Expected =
  | I32Const
  | I64Const
  | F32Const
  | F64Const
  | RefNullConst
  | RefExternConst
  | NanPattern
  | V128Pattern
  | RefAnyPattern;

// ---- Modules and actions ---------------------------------------------------------------

/**
 * How a module was written.
 * - `text`: `text` is the exact `(module ...)` source (with a `definition` keyword, if any,
 *   blanked to spaces so offsets and lines still match the script).
 * - `binary`: the concatenated byte strings.
 * - `quote`: `quoted` is the concatenation of the strings as written; `text` is a complete
 *   `(module ...)` for a text-format parser (the strings wrapped, unless they already are
 *   one `(module ...)` form, which the reference interpreter also accepts).
 */
export type ModuleSource =
  | { form: 'text'; text: string }
  | { form: 'binary'; bytes: Uint8Array }
  | { form: 'quote'; text: string; quoted: string };

/** A module as written inside a command or an assertion. */
export interface ModuleDef extends Located {
  /** `$name` without the `$`. */
  name?: string;
  source: ModuleSource;
  /** `(module definition ...)` (a post-2.0 form): define without instantiating. */
  isDefinition?: boolean;
}

/** `(invoke $M? "name" const*)`. */
export interface InvokeAction extends Located {
  kind: 'invoke';
  /** Module `$name` without `$`; absent means the most recent module. */
  module?: string;
  /** Export name, decoded from its UTF-8 bytes. */
  name: string;
  args: Const[];
}

/** `(get $M? "name")`: read an exported global. */
export interface GetAction extends Located {
  kind: 'get';
  module?: string;
  name: string;
}

/** Something a script can do to a module instance. */
export type Action = InvokeAction | GetAction;

// ---- Commands --------------------------------------------------------------------------

/** Fields every top-level command has. */
export interface CommandBase extends Located {
  /** The command's exact source text, parens included. */
  text: string;
}

/** Define (and, unless `isDefinition`, instantiate) a module. */
export interface ModuleCommand extends CommandBase, ModuleDef { kind: 'module' }
/** `(register "as" $M?)`: make a module's exports importable under `as`. */
export interface RegisterCommand extends CommandBase { kind: 'register'; as: string; name?: string }
/** A bare `(invoke ...)` or `(get ...)`; its result is ignored, a trap fails the script. */
export type ActionCommand = CommandBase & Action;
/** The action returns exactly these results. */
export interface AssertReturn extends CommandBase { kind: 'assert_return'; action: Action; expected: Expected[] }
/**
 * The action traps, or (module form) instantiation traps while running a start function or
 * initialising segments; `message` is matched by prefix.
 */
export type AssertTrap = CommandBase & { kind: 'assert_trap'; message: string } & (
  | { action: Action; module?: undefined }
  | { module: ModuleDef; action?: undefined }
);
/** The action exhausts a resource (call stack). */
export interface AssertExhaustion extends CommandBase { kind: 'assert_exhaustion'; action: Action; message: string }
/** The module must fail to decode (binary) or parse (text/quote). */
export interface AssertMalformed extends CommandBase { kind: 'assert_malformed'; module: ModuleDef; message: string }
/** The module must fail validation. */
export interface AssertInvalid extends CommandBase { kind: 'assert_invalid'; module: ModuleDef; message: string }
/** The module must fail to link (imports). */
export interface AssertUnlinkable extends CommandBase { kind: 'assert_unlinkable'; module: ModuleDef; message: string }
/** Instantiation must trap. */
export interface AssertUninstantiable extends CommandBase { kind: 'assert_uninstantiable'; module: ModuleDef; message: string }

// ---- Crucible's own assertions (not in the spec testsuite) ---------------------------

/**
 * `(frame <funcIndex> "<name>"? <offset>?)`: one expected frame of a wasm backtrace.
 * A frame written without a name expects the actual frame to carry none; an omitted offset
 * is not checked.
 */
export interface ExpectedFrame {
  /** Index in the function index space. */
  func: number;
  /** Name from the module's name section. */
  name?: string;
  /** Byte offset from the start of the module binary. */
  offset?: number;
}

/**
 * `(assert_backtrace <action> "<trap message prefix>" (frame ...)*)`: the action traps with
 * exactly these frames, innermost first.
 */
export interface AssertBacktrace extends CommandBase {
  kind: 'assert_backtrace';
  action: Action;
  message: string;
  frames: ExpectedFrame[];
}

/**
 * `(assert_host_error <action> "<message prefix>")`: a host function throws during the
 * action and its error arrives unchanged (not as a trap).
 */
export interface AssertHostError extends CommandBase { kind: 'assert_host_error'; action: Action; message: string }

/** One top-level command of a script. */
export type Command =
  | ModuleCommand
  | RegisterCommand
  | ActionCommand
  | AssertReturn
  | AssertTrap
  | AssertExhaustion
  | AssertMalformed
  | AssertInvalid
  | AssertUnlinkable
  | AssertUninstantiable
  | AssertBacktrace
  | AssertHostError;

/** The `kind` tags of commands. */
export type CommandKind = Command['kind'];
