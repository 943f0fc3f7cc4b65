;; Trap backtraces: innermost frame first, function indices in the module's function index
;; space (imports included), names from the name section (wabt writes one for each $id),
;; offsets from the start of the module binary: the trapping instruction for the innermost
;; frame, the call instruction for each outer one. Runs under any config: with address maps
;; off the runner checks that no frame carries an offset instead of checking the numbers.
;; Offsets: `wasm-objdump -d` of the bytes the runner encodes (watToWasm adds a 3-byte
;; DataCount section before the code, so plain wat2wasm output is 3 bytes shorter).

(module $M
  (import "crucible" "call_back" (func $call_back (param funcref i32) (result i32)))
  (type $ii (func (param i32) (result i32)))
  (table $t 4 funcref)
  (elem (i32.const 0) $div $leaf $void)
  (memory 1)

  (func $div (param i32) (result i32)
    (i32.div_s (i32.const 1) (local.get 0)))
  (func $leaf (param i32) (result i32)
    (unreachable))
  (func $middle (param i32) (result i32)
    (i32.add (i32.const 1) (call $div (local.get 0))))
  (func $outer (export "nested") (param i32) (result i32)
    (call $middle (local.get 0)))
  (func (export "indirect") (param i32) (param i32) (result i32)
    (call_indirect (type $ii) (local.get 0) (local.get 1)))
  (func $load (export "load") (param i32) (result i32)
    (i32.load (local.get 0)))
  (func $via_host (export "via_host") (param i32) (result i32)
    (call $call_back (ref.func $div) (local.get 0)))
  (func $void)
  ;; Counts n down in a loop and traps inside an if when it reaches 0.
  (func $countdown (export "countdown") (param i32) (result i32)
    (loop $l
      (if (i32.eqz (local.get 0)) (then (unreachable)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l))
    (i32.const 0))
)

;; A trap in the exported function itself: one frame.
(assert_backtrace (invoke "load" (i32.const 65536)) "out of bounds memory access"
  (frame 6 "load" 0xbf))                  ;; i32.load at 0xbf
(assert_return (invoke "load" (i32.const 0)) (i32.const 0))

;; Three wasm calls deep: div <- middle <- outer.
(assert_backtrace (invoke "nested" (i32.const 0)) "integer divide by zero"
  (frame 1 "div" 0x9a)                    ;; i32.div_s at 0x9a
  (frame 3 "middle" 0xa6)                 ;; call 1 <div> at 0xa6
  (frame 4 "outer" 0xae))                 ;; call 3 <middle> at 0xae
(assert_return (invoke "nested" (i32.const 1)) (i32.const 2))
;; The same trap again: no frames left over from the first run.
(assert_backtrace (invoke "nested" (i32.const 0)) "integer divide by zero"
  (frame 1 "div" 0x9a) (frame 3 "middle" 0xa6) (frame 4 "outer" 0xae))

;; Through call_indirect, into functions that trap; func 5 has no $id, so no name.
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 0)) "integer divide by zero"
  (frame 1 "div" 0x9a)                    ;; i32.div_s at 0x9a
  (frame 5 0xb7))                         ;; call_indirect at 0xb7
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 1)) "unreachable"
  (frame 2 "leaf" 0x9e)                   ;; unreachable at 0x9e
  (frame 5 0xb7))
;; call_indirect itself trapping: the frame is the call_indirect.
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 2)) "indirect call type mismatch"
  (frame 5 0xb7))
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 3)) "uninitialized element"
  (frame 5 0xb7))
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 4)) "undefined element"
  (frame 5 0xb7))

;; Across a host frame: via_host -> crucible.call_back (host) -> div. The host frame is not
;; listed; the frames of both wasm runs are, innermost first.
(assert_backtrace (invoke "via_host" (i32.const 0)) "integer divide by zero"
  (frame 1 "div" 0x9a)                    ;; i32.div_s at 0x9a
  (frame 7 "via_host" 0xc9))              ;; call 0 <call_back> at 0xc9
(assert_return (invoke "via_host" (i32.const 1)) (i32.const 1))

;; Inside a loop and an if, after a few iterations.
(assert_backtrace (invoke "countdown" (i32.const 3)) "unreachable"
  (frame 9 "countdown" 0xd8))             ;; unreachable at 0xd8

(register "M" $M)

;; Frames from two modules: indices and offsets are each relative to their own module.
(module $N
  (import "M" "nested" (func $m_nested (param i32) (result i32)))
  (func $entry (export "entry") (param i32) (result i32)
    (call $m_nested (local.get 0)))
)
(assert_backtrace (invoke $N "entry" (i32.const 0)) "integer divide by zero"
  (frame 1 "div" 0x9a) (frame 3 "middle" 0xa6) (frame 4 "outer" 0xae)   ;; in $M, as above
  (frame 1 "entry" 0x37))                 ;; $N: call 0 <m_nested> at 0x37
