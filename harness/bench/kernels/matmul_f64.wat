;; f64 matrix multiply C = A x B of N x N row-major matrices in linear memory, repeated 4
;; times; A[i][j] = (i - j) / 2 and B[i][j] = ((i * j) & 7) + 1/8 are written by the kernel.
;; Returns the sum of C's elements. Memory: A at 0, B after it, then C (grown to fit). N >= 1.
;; Executed instructions: 84N^3 + 159N^2 + 50N + 80 (+3 on a call that grows memory; the
;; declared 2 pages fit N = 64).
;; arg: 64
;; instructions: 22674640
;; test arg: 8
;; test instructions: 53664
(module
  (memory 2)
  (func (export "run") (param $n i32) (result f64)
    (local $i i32) (local $j i32) (local $k i32) (local $rep i32)
    (local $row i32) (local $b i32) (local $c i32) (local $pa i32) (local $pb i32) (local $pc i32)
    (local $acc f64) (local $sum f64)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $b (i32.mul (local.get $row) (local.get $n)))
    (local.set $c (i32.shl (local.get $b) (i32.const 1)))
    (local.set $k (i32.sub
      (i32.shr_u (i32.add (i32.add (local.get $c) (local.get $b)) (i32.const 65535)) (i32.const 16))
      (memory.size)))
    (if (i32.gt_s (local.get $k) (i32.const 0))
      (then (drop (memory.grow (local.get $k)))))

    ;; Initialise A and B; $pa walks both by element.
    (local.set $pa (i32.const 0))
    (loop $ii
      (local.set $j (i32.const 0))
      (loop $jj
        (f64.store (local.get $pa)
          (f64.mul (f64.convert_i32_s (i32.sub (local.get $i) (local.get $j))) (f64.const 0.5)))
        (f64.store (i32.add (local.get $pa) (local.get $b))
          (f64.add (f64.convert_i32_u (i32.and (i32.mul (local.get $i) (local.get $j)) (i32.const 7)))
            (f64.const 0.125)))
        (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
        (br_if $jj (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $ii (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))

    (local.set $rep (i32.const 4))
    (loop $repeat
      ;; C[i][j] = sum over k of A[i][k] * B[k][j]; $pc walks C by element.
      (local.set $pc (local.get $c))
      (local.set $i (i32.const 0))
      (loop $ci
        (local.set $j (i32.const 0))
        (loop $cj
          (local.set $pa (i32.mul (local.get $i) (local.get $row)))
          (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
          (local.set $acc (f64.const 0))
          (local.set $k (local.get $n))
          (loop $ck
            (local.set $acc (f64.add (local.get $acc)
              (f64.mul (f64.load (local.get $pa)) (f64.load (local.get $pb)))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
            (local.set $pb (i32.add (local.get $pb) (local.get $row)))
            (br_if $ck (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
          (f64.store (local.get $pc) (local.get $acc))
          (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
          (br_if $cj (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
        (br_if $ci (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
      (br_if $repeat (local.tee $rep (i32.sub (local.get $rep) (i32.const 1)))))

    ;; Sum C.
    (local.set $pc (local.get $c))
    (local.set $pa (i32.add (local.get $c) (local.get $b)))
    (loop $s
      (local.set $sum (f64.add (local.get $sum) (f64.load (local.get $pc))))
      (br_if $s (i32.ne (local.tee $pc (i32.add (local.get $pc) (i32.const 8))) (local.get $pa))))
    (local.get $sum)))
