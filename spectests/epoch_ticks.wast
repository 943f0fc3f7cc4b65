;; knobs: {"epochInterruption": true}
;; store: {"epochDeadline": 3}
;; An epoch deadline 3 ticks after each instantiation. crucible.tick_epoch (a host function:
;; no check of its own) advances the engine's epoch; wasm code traps with "interrupt" at the
;; first function entry or loop header that sees epoch >= deadline.

(module $A
  (import "crucible" "tick_epoch" (func $tick))              ;; func 0
  ;; Ticks n times (at least once), one tick per loop iteration; returns n.
  (func $ticks (export "ticks") (param $n i32) (result i32)  ;; func 1
    (local $i i32)
    (loop $l
      (call $tick)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $empty (export "empty"))                             ;; func 2
)
;; Checks see epochs 0 (entry), 0, 1 (headers): 2 ticks fit.
(assert_return (invoke "ticks" (i32.const 2)) (i32.const 2))
;; Epoch 2: one more tick fits (entry and header see 2), leaving the epoch at the deadline.
(assert_return (invoke "ticks" (i32.const 1)) (i32.const 1))
(assert_backtrace (invoke "empty") "interrupt" (frame 2 "empty"))

(module $B
  (import "crucible" "tick_epoch" (func $tick))
  (func $ticks (export "ticks") (param $n i32) (result i32)  ;; func 1
    (local $i i32)
    (loop $l
      (call $tick)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
)
;; The deadline is again 3 ticks away. Asked for 5, the loop traps at the header after its
;; third tick: the innermost frame is $ticks itself.
(assert_backtrace (invoke "ticks" (i32.const 5)) "interrupt" (frame 1 "ticks"))

(module $C
  (import "crucible" "tick_epoch" (func $tick))              ;; func 0
  (func $ticks (export "ticks") (param $n i32) (result i32)  ;; func 1
    (local $i i32)
    (loop $l
      (call $tick)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $empty (export "empty"))                             ;; func 2
  ;; Ticks once, then calls $empty: the interrupt comes at $empty's entry.
  (func $tick_then_call (export "tick_then_call")            ;; func 3
    (call $tick)
    (call $empty))
)
(assert_return (invoke "ticks" (i32.const 2)) (i32.const 2))
;; Entry sees 2; the tick makes it 3; $empty's entry check traps.
(assert_backtrace (invoke "tick_then_call") "interrupt"
  (frame 2 "empty")
  (frame 3 "tick_then_call" 0x7d))                           ;; call 2 <empty> at 0x7d
