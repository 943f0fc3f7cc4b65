;; knobs: {"epochInterruption": true}
;; store: {"epochDeadline": 0}
;; An epoch deadline 0 ticks from now is already due: the first check (function entry)
;; traps with "interrupt", before any instruction runs, and it stays due: every later call
;; traps the same way. The store's deadline is set again before each instantiation.

(module
  (memory 1)
  (func $empty (export "empty"))                             ;; func 0
  (func $store (export "store") (param i32)                  ;; func 1
    (i32.store (i32.const 0) (local.get 0)))
  (func $load (export "load") (result i32)                   ;; func 2
    (i32.load (i32.const 0)))
)
(assert_backtrace (invoke "empty") "interrupt" (frame 0 "empty"))
;; The store never ran: the interrupt came before its body.
(assert_backtrace (invoke "store" (i32.const 7)) "interrupt" (frame 1 "store"))
(assert_trap (invoke "load") "interrupt")
(assert_trap (invoke "empty") "interrupt")

;; Instantiation itself is not interrupted (no wasm code runs), but a start function is.
(module (func (export "f")))
(assert_trap (invoke "f") "interrupt")
(assert_trap (module (func $start) (start $start)) "interrupt")
