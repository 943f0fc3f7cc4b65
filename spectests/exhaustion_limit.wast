;; knobs: {"maxCallDepth": 1000}
;; The exact call depth limit: maxCallDepth wasm frames may be live at once; the call that
;; would make one more traps. $depth n needs n + 1 frames. Host errors and traps from deep
;; inside must leave the depth count where it was.

(module
  (import "crucible" "throw_error" (func $throw (param i32)))
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))
  ;; Recurses n deep, then traps (trap = 1) or throws a host error (trap = 0).
  (func $fail_at (export "fail_at") (param $n i32) (param $trap i32) (result i32)
    (if (i32.eqz (local.get $n))
      (then
        (if (local.get $trap) (then (unreachable)))
        (call $throw (i32.const 42))))
    (call $fail_at (i32.sub (local.get $n) (i32.const 1)) (local.get $trap)))
)
(assert_return (invoke "depth" (i32.const 999)) (i32.const 999))   ;; 1000 frames
(assert_exhaustion (invoke "depth" (i32.const 1000)) "call stack exhausted")
(assert_return (invoke "depth" (i32.const 999)) (i32.const 999))
;; fail_at n uses n + 1 frames; a call to a host function adds none.
(assert_trap (invoke "fail_at" (i32.const 999) (i32.const 1)) "unreachable")
(assert_return (invoke "depth" (i32.const 999)) (i32.const 999))
(assert_host_error (invoke "fail_at" (i32.const 999) (i32.const 0)) "crucible.throw_error 42")
(assert_return (invoke "depth" (i32.const 999)) (i32.const 999))
(assert_exhaustion (invoke "fail_at" (i32.const 1000) (i32.const 1)) "call stack exhausted")
(assert_return (invoke "depth" (i32.const 999)) (i32.const 999))
