(module
  (memory (export "memory") 1)
  ;; One Lloyd E-step over n points (row-major f32, dim a multiple of 4) against k centres
  ;; (f32, same layout) with their squared norms cn (f32): labels (i32) are updated in place,
  ;; each point's row is added to the f64 sums of its new cluster and counted. Returns the
  ;; number of points whose label changed.
  (func (export "pass")
    (param $x i32) (param $n i32) (param $dim i32) (param $c i32) (param $k i32) (param $cn i32)
    (param $lab i32) (param $sums i32) (param $counts i32) (result i32)
    (local $i i32) (local $j i32) (local $t i32) (local $px i32) (local $pc i32)
    (local $acc v128) (local $acc2 v128) (local $v v128) (local $dot f32) (local $s f32) (local $best f32) (local $bj i32)
    (local $changes i32) (local $rowBytes i32) (local $ps i32) (local $end i32) (local $pc2 i32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $px (local.get $x))
    (block $doneI
      (loop $loopI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $best (f32.const inf))
        (local.set $bj (i32.const 0))
        (local.set $j (i32.const 0))
        (local.set $pc (local.get $c))
        (local.set $end (i32.add (local.get $px) (local.get $rowBytes)))
        ;; centres two at a time (each x chunk loaded once for both), then the odd one out
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $k)))
            (local.set $acc (v128.const f32x4 0 0 0 0))
            (local.set $acc2 (v128.const f32x4 0 0 0 0))
            (local.set $t (local.get $px))
            (local.set $pc2 (i32.add (local.get $pc) (local.get $rowBytes)))
            (block $doneT2
              (loop $loopT2
                (br_if $doneT2 (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $v (v128.load (local.get $t)))
                (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $v) (v128.load (local.get $pc)))))
                (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $v) (v128.load (local.get $pc2)))))
                (local.set $t (i32.add (local.get $t) (i32.const 16)))
                (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
                (local.set $pc2 (i32.add (local.get $pc2) (i32.const 16)))
                (br $loopT2)))
            (local.set $dot (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
            (local.set $s (f32.sub
              (f32.load (i32.add (local.get $cn) (i32.shl (local.get $j) (i32.const 2))))
              (f32.add (local.get $dot) (local.get $dot))))
            (if (f32.lt (local.get $s) (local.get $best))
              (then (local.set $best (local.get $s)) (local.set $bj (local.get $j))))
            (local.set $dot (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc2)) (f32x4.extract_lane 1 (local.get $acc2)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc2)) (f32x4.extract_lane 3 (local.get $acc2)))))
            (local.set $s (f32.sub
              (f32.load offset=4 (i32.add (local.get $cn) (i32.shl (local.get $j) (i32.const 2))))
              (f32.add (local.get $dot) (local.get $dot))))
            (if (f32.lt (local.get $s) (local.get $best))
              (then (local.set $best (local.get $s)) (local.set $bj (i32.add (local.get $j) (i32.const 1)))))
            ;; $pc has walked one row: skip the second centre's row too
            (local.set $pc (local.get $pc2))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $loopJ)))
        (if (i32.lt_u (local.get $j) (local.get $k))
          (then
            (local.set $acc (v128.const f32x4 0 0 0 0))
            (local.set $t (local.get $px))
            (block $doneT
              (loop $loopT
                (br_if $doneT (i32.ge_u (local.get $t) (local.get $end)))
                (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (v128.load (local.get $t)) (v128.load (local.get $pc)))))
                (local.set $t (i32.add (local.get $t) (i32.const 16)))
                (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
                (br $loopT)))
            (local.set $dot (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
            (local.set $s (f32.sub
              (f32.load (i32.add (local.get $cn) (i32.shl (local.get $j) (i32.const 2))))
              (f32.add (local.get $dot) (local.get $dot))))
            (if (f32.lt (local.get $s) (local.get $best))
              (then (local.set $best (local.get $s)) (local.set $bj (local.get $j))))))
        ;; label, count, and the row added to the f64 sums of its cluster
        (if (i32.ne (i32.load (local.get $lab)) (local.get $bj))
          (then (local.set $changes (i32.add (local.get $changes) (i32.const 1)))
                (i32.store (local.get $lab) (local.get $bj))))
        (local.set $ps (i32.add (local.get $counts) (i32.shl (local.get $bj) (i32.const 2))))
        (i32.store (local.get $ps) (i32.add (i32.load (local.get $ps)) (i32.const 1)))
        (local.set $ps (i32.add (local.get $sums) (i32.mul (local.get $bj) (i32.shl (local.get $rowBytes) (i32.const 1)))))
        (local.set $t (local.get $px))
        (block $doneS
          (loop $loopS
            (br_if $doneS (i32.ge_u (local.get $t) (local.get $end)))
            (local.set $v (v128.load (local.get $t)))
            (v128.store (local.get $ps) (f64x2.add (v128.load (local.get $ps)) (f64x2.promote_low_f32x4 (local.get $v))))
            (v128.store offset=16 (local.get $ps) (f64x2.add (v128.load offset=16 (local.get $ps))
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $t (i32.add (local.get $t) (i32.const 16)))
            (local.set $ps (i32.add (local.get $ps) (i32.const 32)))
            (br $loopS)))
        (local.set $lab (i32.add (local.get $lab) (i32.const 4)))
        (local.set $px (local.get $end))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $loopI)))
    (local.get $changes))
)
