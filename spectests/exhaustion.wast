;; Call stack exhaustion and recovery: after "call stack exhausted" the same instance keeps
;; working, again and again. Runs under whatever maxCallDepth the config has, so the
;; recursions that must return stay shallow (10 deep).

(module
  (import "crucible" "call_back" (func $call_back (param funcref i32) (result i32)))
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $depth $via_table)
  ;; Unbounded direct recursion.
  (func $forever (export "forever") (param i32) (result i32)
    (call $forever (i32.add (local.get 0) (i32.const 1))))
  ;; Recursion n deep, returning n.
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))
  ;; The same through call_indirect, unbounded when the argument is negative.
  (func $via_table (export "via_table") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1)
        (call_indirect (type $ii) (i32.sub (local.get $n) (i32.const 1)) (i32.const 1))))))
  ;; The same through a host frame (crucible.call_back) at every level: wasm frames still
  ;; count, and the JS stack also grows, so this may hit either limit; both must be the trap.
  (func $via_host (export "via_host") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1)
        (call $call_back (ref.func $via_host) (i32.sub (local.get $n) (i32.const 1)))))))
)
(assert_exhaustion (invoke "forever" (i32.const 0)) "call stack exhausted")
(assert_return (invoke "depth" (i32.const 10)) (i32.const 10))
(assert_exhaustion (invoke "forever" (i32.const 0)) "call stack exhausted")
(assert_return (invoke "depth" (i32.const 10)) (i32.const 10))
(assert_exhaustion (invoke "via_table" (i32.const -1)) "call stack exhausted")
(assert_return (invoke "via_table" (i32.const 10)) (i32.const 10))
(assert_exhaustion (invoke "via_host" (i32.const -1)) "call stack exhausted")
(assert_return (invoke "via_host" (i32.const 10)) (i32.const 10))
(assert_return (invoke "depth" (i32.const 10)) (i32.const 10))
