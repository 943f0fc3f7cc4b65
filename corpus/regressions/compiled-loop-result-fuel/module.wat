(module
  (type $t0 (func))
  (func $f0 (type $t0)
    loop $L0 (result i32)
      i32.const 0
    end
    i64.extend_i32_u
    global.set $g0)
  (global $g0 (mut i64) (i64.const 0))
  (export "g" (global $g0))
  (export "f0" (func $f0)))
