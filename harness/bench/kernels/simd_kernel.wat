;; A SIMD loop over 4096-lane arrays in one page: each of N passes does saxpy y = 0.5*x + y
;; (f32x4) and accumulates the dot product of two i32 arrays (i32x4 mul/add, wrapping). The
;; arrays are written by the kernel. Returns (i32 lane sum of the dot) xor (f32 bits of the sum of y).
;; Layout: x at 0, y at 16384, p at 32768, q at 49152. N >= 1.
;; Executed instructions: 24584N + 180256.
;; arg: 1500
;; instructions: 37056256
;; test arg: 2
;; test instructions: 229424
(module
  (memory 1)
  (func (export "run") (param $reps i32) (result i32)
    (local $i i32) (local $acc v128) (local $fs v128) (local $a v128)
    ;; x[i] = (i & 255) / 4, y[i] = i mod 7, p[i] = 3i + 1, q[i] = i xor 0x55
    (loop $init
      (f32.store (local.get $i)
        (f32.mul (f32.convert_i32_u (i32.and (i32.shr_u (local.get $i) (i32.const 2)) (i32.const 255))) (f32.const 0.25)))
      (f32.store offset=16384 (local.get $i)
        (f32.convert_i32_u (i32.rem_u (i32.shr_u (local.get $i) (i32.const 2)) (i32.const 7))))
      (i32.store offset=32768 (local.get $i)
        (i32.add (i32.mul (i32.shr_u (local.get $i) (i32.const 2)) (i32.const 3)) (i32.const 1)))
      (i32.store offset=49152 (local.get $i)
        (i32.xor (i32.shr_u (local.get $i) (i32.const 2)) (i32.const 0x55)))
      (br_if $init (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 16384))))

    (local.set $a (f32x4.splat (f32.const 0.5)))
    (loop $pass
      (local.set $i (i32.const 0))
      (loop $vec
        (v128.store offset=16384 (local.get $i)
          (f32x4.add (f32x4.mul (v128.load (local.get $i)) (local.get $a))
            (v128.load offset=16384 (local.get $i))))
        (local.set $acc (i32x4.add (local.get $acc)
          (i32x4.mul (v128.load offset=32768 (local.get $i)) (v128.load offset=49152 (local.get $i)))))
        (br_if $vec (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 16384))))
      (br_if $pass (local.tee $reps (i32.sub (local.get $reps) (i32.const 1)))))

    ;; Sum y lane-wise, then across lanes.
    (local.set $i (i32.const 0))
    (loop $sum
      (local.set $fs (f32x4.add (local.get $fs) (v128.load offset=16384 (local.get $i))))
      (br_if $sum (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 16384))))
    (i32.xor
      (i32.add
        (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
        (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))
      (i32.reinterpret_f32
        (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $fs)) (f32x4.extract_lane 1 (local.get $fs)))
          (f32.add (f32x4.extract_lane 2 (local.get $fs)) (f32x4.extract_lane 3 (local.get $fs))))))))
