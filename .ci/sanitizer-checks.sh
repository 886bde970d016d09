#!/usr/bin/env bash
# The test suite under AddressSanitizer (with its leak check): out-of-bounds reads and writes,
# use after free, and leaks, in the library and the command line, as the tests drive them.
# The memory-budget tests skip themselves here (a sanitizer build uses 2–3× the memory);
# CONVMATRIX_EXPECT_SANITIZER makes a test check that they know they are under one.
# ThreadSanitizer (the parallel loops) is the costlier run; docs/testing.md says how to run it.
# Usage: bash .ci/sanitizer-checks.sh [address|thread]   (default address)
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizer="${1:-address}"
case "$sanitizer" in
    address | thread) ;;
    *) echo "usage: bash .ci/sanitizer-checks.sh [address|thread]" >&2; exit 2 ;;
esac
log=".build-$sanitizer.log"
status=0
CONVMATRIX_EXPECT_SANITIZER="$sanitizer" \
    LSAN_OPTIONS="suppressions=$(pwd)/.ci/lsan-suppressions.txt" \
    ASAN_OPTIONS="detect_leaks=1" TSAN_OPTIONS="halt_on_error=1" \
    swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer" > "$log" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$log"; then
    grep -E -A 30 "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$log" | head -120 >&2 || true
    grep -E "✘" "$log" | head -20 >&2 || true
    echo "swift test --sanitize=$sanitizer failed (status $status); the whole log is $log" >&2
    exit 1
fi
grep -E "Test run with [0-9]+ tests? .*passed" "$log"
echo "sanitizer checks ($sanitizer) passed"
