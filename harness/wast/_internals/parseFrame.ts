// Parses `(frame <funcIndex> "<name>"? <offset>?)`, one expected backtrace frame of
// Crucible's `assert_backtrace`. Numbers are unsigned u32 literals (decimal or 0x hex).
// Says nothing about how frames are compared: that is the runner's job.

import type { ExpectedFrame } from '../ast.js';
import type { Lexer, Position, Token } from '../lexer.js';
import { parseU32 } from '../literals.js';
import { describe, expectAtom, literal, nextIn, utf8Name } from './reader.js';

/** Reads one frame form whose `(` is `open`; consumes its `)`. */
export function parseFrame(lx: Lexer, open: Token): ExpectedFrame {
  const head = expectAtom(lx, open, "'frame'");
  if (head.text !== 'frame') throw lx.errorAt(head, `expected 'frame', found ${describe(head)}`);
  const index = expectAtom(lx, open, 'a function index');
  const frame: ExpectedFrame = { func: literal(lx, index, parseU32) };
  let t = nextIn(lx, open);
  if (t.kind === 'string') {
    frame.name = utf8Name(lx, t);
    t = nextIn(lx, open);
  }
  if (t.kind === 'atom') {
    frame.offset = literal(lx, t, parseU32);
    t = nextIn(lx, open);
  }
  if (t.kind !== ')') throw lx.errorAt(t, `expected ')' to end the frame, found ${describe(t)}`);
  return frame;
}

/** Reads `(frame ...)` forms up to the `)` closing `open` (the assertion), consuming it. */
export function parseFrames(lx: Lexer, open: Position): ExpectedFrame[] {
  const frames: ExpectedFrame[] = [];
  for (let t = nextIn(lx, open); t.kind !== ')'; t = nextIn(lx, open)) {
    if (t.kind !== '(') throw lx.errorAt(t, `expected a frame such as (frame 0 "f" 0x2a) or ')', found ${describe(t)}`);
    frames.push(parseFrame(lx, t));
  }
  return frames;
}
