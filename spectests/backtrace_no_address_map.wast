;; knobs: {"generateAddressMap": false}
;; Backtraces without address maps: frames keep their function indices and names but carry
;; no offsets at all (the runner checks every frame lacks one; written offsets are not
;; checked, so none are written here).

(module
  (import "crucible" "call_back" (func $call_back (param funcref i32) (result i32)))  ;; 0
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $div)
  (func $div (param i32) (result i32)                        ;; func 1
    (i32.div_s (i32.const 1) (local.get 0)))
  (func $middle (param i32) (result i32)                     ;; func 2
    (call $div (local.get 0)))
  (func $outer (export "nested") (param i32) (result i32)    ;; func 3
    (call $middle (local.get 0)))
  (func (export "indirect") (param i32) (param i32) (result i32)   ;; func 4, unnamed
    (call_indirect (type $ii) (local.get 0) (local.get 1)))
  (func $via_host (export "via_host") (param i32) (result i32)     ;; func 5
    (call $call_back (ref.func $div) (local.get 0)))
)
(assert_backtrace (invoke "nested" (i32.const 0)) "integer divide by zero"
  (frame 1 "div") (frame 2 "middle") (frame 3 "outer"))
(assert_return (invoke "nested" (i32.const 1)) (i32.const 1))
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 0)) "integer divide by zero"
  (frame 1 "div") (frame 4))
(assert_backtrace (invoke "indirect" (i32.const 0) (i32.const 1)) "uninitialized element"
  (frame 4))
(assert_backtrace (invoke "via_host" (i32.const 0)) "integer divide by zero"
  (frame 1 "div") (frame 5 "via_host"))
