(module
  (type $t0 (func))
  (func $f0 (type $t0)
    (local $l0 i32)
    loop $L0 (result funcref)
      i32.const 0
      i32.const 0
      i32.const 0
      select (result i32)
      i64.extend_i32_u
      global.get $g0
      i64.const 7
      i64.rotl
      i64.xor
      global.set $g0
      ref.null func
    end
    ref.is_null
    i64.extend_i32_u
    global.get $g0
    i64.xor
    global.set $g0)
  (global $g0 (mut i64) (i64.const 0))
  (export "checksum" (global $g0))
  (export "f0" (func $f0)))
