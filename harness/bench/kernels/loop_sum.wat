;; A counted loop summing i32s: 100,000 iterations of 9 instructions each, plus `loop` and the
;; final local.get (ends are free, as in fuel accounting).
;; arg: 100000
;; instructions: 900002
(module
  (func (export "run") (param $n i32) (result i32)
    (local $acc i32)
    (loop $top
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (br_if $top (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc)))
