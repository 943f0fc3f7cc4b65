(module
  (type $t0 (func (param externref f64) (result funcref)))
  (type $t1 (func (param i32 i32)))
  (type $t2 (func (param i32 i64)))
  (type $t3 (func (param i32 f32)))
  (type $t4 (func (param i32 f64)))
  (import "host" "log_i32" (func $host.log_i32 (type $t1)))
  (import "host" "log_i64" (func $host.log_i64 (type $t2)))
  (import "host" "log_f32" (func $host.log_f32 (type $t3)))
  (import "host" "log_f64" (func $host.log_f64 (type $t4)))
  (func $f4 (type $t0) (param $p0 externref) (param $p1 f64) (result funcref)
    (local $l2 externref)
    i32.const 0
    local.get $p1
    call $host.log_f64
    global.get $g1
    drop
    ref.null func)
  (func $f1 (type $t0) (param $p0 externref) (param $p1 f64) (result funcref)
    (local $l2 funcref)
    i32.const 0
    local.get $p1
    call $host.log_f64
    global.get $g1
    global.set $g1
    ref.null extern
    f64.const nan:0x1 (;=nan;)
    call $f4)
  (global $g0 funcref (ref.func $f1))
  (global $g1 (mut i32) (i32.const 50))
  (export "f1" (func $f1)))
