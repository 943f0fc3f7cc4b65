;; knobs: {"paddingBetweenFunctions": 65535}
;; requires: {"generateAddressMap": true}
;; Backtrace offsets with the most padding between functions: code positions in the
;; compiled image move by 64 KiB per function, wasm offsets must not. f0 calls f1 ... f5;
;; f(k) traps (unreachable) when its argument is k, and f5 divides by zero otherwise.
;; Skipped without address maps: the point here is the offsets.

(module
  (func $f0 (export "f0") (param i32) (result i32)             ;; func 0
    (if (i32.eq (local.get 0) (i32.const 0)) (then (unreachable)))
    (call $f1 (local.get 0)))
  (func $f1 (export "f1") (param i32) (result i32)             ;; func 1
    (if (i32.eq (local.get 0) (i32.const 1)) (then (unreachable)))
    (call $f2 (local.get 0)))
  (func $f2 (export "f2") (param i32) (result i32)             ;; func 2
    (if (i32.eq (local.get 0) (i32.const 2)) (then (unreachable)))
    (call $f3 (local.get 0)))
  (func $f3 (export "f3") (param i32) (result i32)             ;; func 3
    (if (i32.eq (local.get 0) (i32.const 3)) (then (unreachable)))
    (call $f4 (local.get 0)))
  (func $f4 (export "f4") (param i32) (result i32)             ;; func 4
    (if (i32.eq (local.get 0) (i32.const 4)) (then (unreachable)))
    (call $f5 (local.get 0)))
  (func $f5 (export "f5") (param i32) (result i32)             ;; func 5
    (if (i32.eq (local.get 0) (i32.const 5)) (then (unreachable)))
    (i32.div_u (i32.const 1) (i32.const 0)))
)
;; Each function is 16 bytes long: in f(k) `unreachable` is at 0x49 + 0x10k and
;; `call (k+1)` at 0x4d + 0x10k; f5's i32.div_u is at 0x9f.
(assert_backtrace (invoke "f0" (i32.const 0)) "unreachable"
  (frame 0 "f0" 0x49))
(assert_backtrace (invoke "f0" (i32.const 1)) "unreachable"
  (frame 1 "f1" 0x59) (frame 0 "f0" 0x4d))
(assert_backtrace (invoke "f0" (i32.const 3)) "unreachable"
  (frame 3 "f3" 0x79) (frame 2 "f2" 0x6d) (frame 1 "f1" 0x5d) (frame 0 "f0" 0x4d))
(assert_backtrace (invoke "f0" (i32.const 5)) "unreachable"
  (frame 5 "f5" 0x99) (frame 4 "f4" 0x8d) (frame 3 "f3" 0x7d) (frame 2 "f2" 0x6d)
  (frame 1 "f1" 0x5d) (frame 0 "f0" 0x4d))
(assert_backtrace (invoke "f0" (i32.const 9)) "integer divide by zero"
  (frame 5 "f5" 0x9f) (frame 4 "f4" 0x8d) (frame 3 "f3" 0x7d) (frame 2 "f2" 0x6d)
  (frame 1 "f1" 0x5d) (frame 0 "f0" 0x4d))
(assert_backtrace (invoke "f4" (i32.const 9)) "integer divide by zero"
  (frame 5 "f5" 0x9f) (frame 4 "f4" 0x8d))
(assert_backtrace (invoke "f5" (i32.const 5)) "unreachable"
  (frame 5 "f5" 0x99))
