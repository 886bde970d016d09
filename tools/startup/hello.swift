// The start-up baseline of the benchmark: a Swift program that imports nothing (no Foundation).
// tools/bench_all.sh builds it with `swiftc -O` (and once more with `-static-stdlib`) and
// `convmatrix-bench --hello` compares `convmatrix`'s whole-process time with it.
print("hello, world")
