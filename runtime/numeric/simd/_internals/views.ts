// Scratch lane views over fixed 16-byte cells, so every SIMD op reads and writes lanes of any
// shape without allocating views per call. Not re-entrant: an op copies its inputs in, computes,
// and copies the result out before returning, and never calls another op in between.

/** Typed views of every lane shape over one 16-byte cell (platform byte order). */
export class LaneViews {
  /** Bytes: the cell itself, also the i8x16 unsigned view. */
  readonly u8 = new Uint8Array(16);
  readonly i8 = new Int8Array(this.u8.buffer);
  readonly u16 = new Uint16Array(this.u8.buffer);
  readonly i16 = new Int16Array(this.u8.buffer);
  /** 32-bit words; an i64/f64 lane k is words 2k (low) and 2k+1 (high). */
  readonly u32 = new Uint32Array(this.u8.buffer);
  readonly i32 = new Int32Array(this.u8.buffer);
  readonly f32 = new Float32Array(this.u8.buffer);
  readonly f64 = new Float64Array(this.u8.buffer);
  readonly i64 = new BigInt64Array(this.u8.buffer);
}

/** First operand cell. */
export const A = new LaneViews();
/** Second operand cell. */
export const B = new LaneViews();
/** Third operand cell (bitselect's mask). */
export const C = new LaneViews();
/** Result cell; an op must write all 16 bytes of it before {@link out}. */
export const R = new LaneViews();

// Lane k of a typed array is bytes [k*size, (k+1)*size) only on a little-endian host, which is
// what wasm's lane order needs; refuse to load elsewhere rather than compute wrong lanes.
R.u32[0] = 1;
if (R.u8[0] !== 1) throw new Error('runtime/numeric/simd requires a little-endian host');

/** Copies the v128 `v` into `cell` and returns the cell. */
export function load(cell: LaneViews, v: Uint8Array): LaneViews {
  cell.u8.set(v);
  return cell;
}

/** A fresh v128 holding the result cell's bytes. */
export function out(): Uint8Array {
  return R.u8.slice();
}
