;; An i64 hash loop: N steps of a xorshift64 generator, each folding the generator's low byte
;; into an FNV-1a 64-bit hash, then a murmur-style finalizer. i64 xor, shifts and multiply
;; dominate. The argument is the step count, an i64 (N >= 1); returns the i64 hash.
;; Executed instructions: 33N + 26.
;; arg: 1000000n
;; instructions: 33000026
;; test arg: 1000n
;; test instructions: 33026
(module
  (func (export "run") (param $n i64) (result i64)
    (local $x i64) (local $h i64)
    (local.set $x (i64.const 0x9e3779b97f4a7c15))
    (local.set $h (i64.const 0xcbf29ce484222325)) ;; FNV-1a offset basis
    (loop $step
      ;; xorshift64 (13, 7, 17)
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 13))))
      (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 7))))
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 17))))
      ;; FNV-1a: xor the byte in, multiply by the FNV prime
      (local.set $h (i64.mul
        (i64.xor (local.get $h) (i64.and (local.get $x) (i64.const 0xff)))
        (i64.const 0x100000001b3)))
      (br_if $step (i64.ne (local.tee $n (i64.sub (local.get $n) (i64.const 1))) (i64.const 0))))
    ;; fmix64
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))) (i64.const 0xff51afd7ed558ccd)))
    (local.set $h (i64.mul (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))) (i64.const 0xc4ceb9fe1a85ec53)))
    (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33)))))
