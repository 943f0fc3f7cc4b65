;; knobs: {"consumeFuel": true}
;; store: {"fuel": 101}
;; Exact fuel accounting (the rule is in runtime/interp/interpTier.ts): 1 unit per executed
;; instruction except `end`/`else`, charged before the instruction runs; checked only at
;; function entry and loop headers, trapping there when fuel < 0. The store gets 101 units
;; before every instantiation, so each (module ...) below starts from 101.
;;
;; $spin n costs 1 + 5n: `loop` 1, then per iteration local.get, i32.const, i32.sub,
;; local.tee, br_if = 5. Its loop-header checks see 101 - 1 - 5k before iteration k + 1
;; (k = 0 .. n - 1), so it traps iff 101 + 4 - 5n < 0, i.e. n >= 22.

(module
  (func $spin (export "spin") (param $n i32)                 ;; func 0: 1 + 5n
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $empty (export "empty"))                             ;; func 1: 0 (only `end`)
)
;; 1 + 5 * 20 = 101: all the fuel, exactly. Ending at 0 is not a trap.
(assert_return (invoke "spin" (i32.const 20)))
;; At 0, the entry check passes and an empty body costs nothing.
(assert_return (invoke "empty"))
;; `loop` takes fuel to -1; the loop header is the first check to see it.
(assert_backtrace (invoke "spin" (i32.const 1)) "all fuel consumed"
  (frame 0 "spin"))
;; Now at -1: even the empty function traps, at its entry.
(assert_backtrace (invoke "empty") "all fuel consumed"
  (frame 1 "empty"))

(module
  (func $spin (export "spin") (param $n i32)
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $empty (export "empty"))
)
;; n = 21 costs 106 > 101 but does not trap: the last header check (before iteration 21)
;; sees 101 - 1 - 100 = 0. The last stretch has no check, so fuel ends at -5.
(assert_return (invoke "spin" (i32.const 21)))
(assert_trap (invoke "empty") "all fuel consumed")

(module
  (func $spin (export "spin") (param $n i32)
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
)
;; n = 22: the header check before iteration 22 sees 101 - 1 - 105 = -5.
(assert_backtrace (invoke "spin" (i32.const 22)) "all fuel consumed"
  (frame 0 "spin"))

(module
  (func $spin (export "spin") (param $n i32)                 ;; func 0
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $empty (export "empty"))                             ;; func 1
  (func $call_spin (export "call_spin") (param i32)          ;; func 2
    (call $spin (local.get 0)))
)
(assert_return (invoke "spin" (i32.const 20)))               ;; fuel 0
;; Entry of call_spin sees 0; local.get and `call` (paid before the callee's entry check)
;; take it to -2; spin's entry check traps: the innermost frame is spin, not call_spin.
(assert_backtrace (invoke "call_spin" (i32.const 1)) "all fuel consumed"
  (frame 0 "spin")
  (frame 2 "call_spin" 0x52))                                ;; call 0 <spin> at 0x52

(module
  (func $spin (export "spin") (param $n i32)
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $empty (export "empty"))
  (func $nop3 (export "nop3") (nop) (nop) (nop))             ;; 3
  (func $trap (export "trap") (unreachable))                 ;; 1, then traps
)
;; A trapping instruction has been paid for: 101 - 1 = 100 left.
(assert_trap (invoke "trap") "unreachable")
;; 1 + 5 * 19 = 96: 4 left. Straight-line code is never checked mid-body:
(assert_return (invoke "spin" (i32.const 19)))
(assert_return (invoke "nop3"))                              ;; entry sees 4; 1 left
(assert_return (invoke "nop3"))                              ;; entry sees 1; -2 left
(assert_trap (invoke "nop3") "all fuel consumed")            ;; entry sees -2

;; A start function runs on the same budget: 1 (i32.const) + 1 (call) + 96 = 98, 3 left.
(module
  (func $spin (param $n i32)
    (loop $l
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func $start (call $spin (i32.const 19)))
  (func $empty (export "empty"))
  (func $nop3 (export "nop3") (nop) (nop) (nop))
  (start $start)
)
(assert_return (invoke "nop3"))                              ;; entry sees 3; 0 left
(assert_return (invoke "nop3"))                              ;; entry sees 0: runs; -3 left
(assert_trap (invoke "empty") "all fuel consumed")           ;; entry sees -3

;; Running out inside a start function fails the instantiation with the fuel trap.
(assert_trap
  (module
    (func $spin (param $n i32)
      (loop $l
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (func $start (call $spin (i32.const 22)))                ;; 2 + 1 + 5 * 22 > 101
    (start $start))
  "all fuel consumed")
