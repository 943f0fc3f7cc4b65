;; Host errors versus traps: an error thrown by a host function (crucible.throw_error)
;; reaches the caller as the very object the host threw - through wasm frames, through
;; call_indirect and through a host-to-wasm callback - and is never turned into a trap;
;; wasm traps stay traps. The instance keeps working after either.

(module
  (import "crucible" "throw_error" (func $throw (param i32)))
  (import "crucible" "call_back" (func $call_back (param funcref i32) (result i32)))
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $throw_and_return $wrong_type)
  (func (export "throw") (param i32)
    (call $throw (local.get 0)))
  (func $throw_and_return (export "throw_and_return") (param i32) (result i32)
    (call $throw (local.get 0))
    (unreachable))
  ;; Three wasm frames, then the host.
  (func $a (export "nested") (param i32) (result i32) (call $b (local.get 0)))
  (func $b (param i32) (result i32) (call $throw_and_return (local.get 0)))
  (func (export "indirect") (param i32) (result i32)
    (call_indirect (type $ii) (local.get 0) (i32.const 0)))
  ;; wasm -> host (call_back) -> wasm -> host (throw_error).
  (func (export "via_call_back") (param i32) (result i32)
    (call $call_back (ref.func $throw_and_return) (local.get 0)))
  ;; call_back refuses a function of the wrong type with a host error, not a trap.
  (func $wrong_type (param i64) (result i64) (local.get 0))
  (func (export "call_back_wrong_type") (result i32)
    (call $call_back (ref.func $wrong_type) (i32.const 0)))
  (func (export "call_back_null") (result i32)
    (call $call_back (ref.null func) (i32.const 0)))
  (func (export "trap") (result i32) (unreachable))
  (func (export "ok") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
)
(assert_host_error (invoke "throw" (i32.const 7)) "crucible.throw_error 7")
(assert_return (invoke "ok" (i32.const 1)) (i32.const 2))
(assert_trap (invoke "trap") "unreachable")
(assert_host_error (invoke "throw_and_return" (i32.const 8)) "crucible.throw_error 8")
(assert_host_error (invoke "nested" (i32.const 9)) "crucible.throw_error 9")
(assert_return (invoke "ok" (i32.const 2)) (i32.const 3))
(assert_host_error (invoke "indirect" (i32.const 10)) "crucible.throw_error 10")
(assert_host_error (invoke "via_call_back" (i32.const 11)) "crucible.throw_error 11")
(assert_host_error (invoke "call_back_wrong_type") "crucible.call_back needs")
(assert_host_error (invoke "call_back_null") "crucible.call_back needs")
(assert_trap (invoke "trap") "unreachable")
(assert_return (invoke "ok" (i32.const 3)) (i32.const 4))

