// The few C functions the Embedded Swift build of the explorer imports, for a WebAssembly
// module that has no C library: memory (posix_memalign, free), memcmp/memset/memcpy/memmove,
// and arc4random_buf for Hasher's seed. Compiled only for wasm32 by tools/build-explorer.sh;
// the host build of the package excludes this folder.
//
// The allocator keeps one free list per power-of-two size class (16 B … 2 GiB). A block is never
// split or merged, so a freed block is reused by the next request of its class: memory is at most
// twice the peak in use, and both operations take constant time. Fresh blocks come from the end
// of the heap, which grows with memory.grow.

typedef unsigned long size_t;
typedef unsigned int uint32_t;
typedef unsigned char uint8_t;
typedef unsigned long long uint64_t;
typedef long long int64_t;

extern uint8_t __heap_base;

#define HEADER 16u
#define CLASSES 32

// Written just before the pointer handed out.
struct header {
    uint32_t size_class;  // log2 of the block size
    uint32_t offset;      // bytes from the block start to the pointer
    uint32_t magic;
    uint32_t unused;
};

static void *free_lists[CLASSES];
static size_t heap_end;

#define MAGIC 0xC0117A11u

static void *grow(size_t bytes) {
    if (heap_end == 0) heap_end = ((size_t)&__heap_base + 15u) & ~(size_t)15u;
    size_t start = heap_end;
    if (bytes > 0xFFFFFFFFu - start) return 0;
    size_t end = start + bytes;
    size_t have = __builtin_wasm_memory_size(0) * 65536u;
    if (end > have) {
        size_t pages = (end - have + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
    }
    heap_end = end;
    return (void *)start;
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < HEADER) alignment = HEADER;
    if ((alignment & (alignment - 1)) != 0) return 22;  // EINVAL
    if (size > 0x7FFFFFFFu - alignment - HEADER) return 12;  // ENOMEM
    size_t need = size + HEADER + (alignment - HEADER);
    uint32_t size_class = 5;
    while (((size_t)1 << size_class) < need) size_class++;
    if (size_class >= CLASSES) return 12;
    uint8_t *block = free_lists[size_class];
    if (block) {
        free_lists[size_class] = *(void **)block;
    } else {
        block = grow((size_t)1 << size_class);
        if (!block) return 12;
    }
    size_t pointer = ((size_t)block + HEADER + alignment - 1) & ~(alignment - 1);
    struct header *h = (struct header *)(pointer - HEADER);
    h->size_class = size_class;
    h->offset = (uint32_t)(pointer - (size_t)block);
    h->magic = MAGIC;
    *result = (void *)pointer;
    return 0;
}

void free(void *pointer) {
    if (!pointer) return;
    struct header *h = (struct header *)((uint8_t *)pointer - HEADER);
    if (h->magic != MAGIC || h->size_class >= CLASSES) __builtin_trap();
    h->magic = 0;
    uint8_t *block = (uint8_t *)pointer - h->offset;
    *(void **)block = free_lists[h->size_class];
    free_lists[h->size_class] = block;
}

void *malloc(size_t size) {
    void *p = 0;
    return posix_memalign(&p, 16, size) == 0 ? p : 0;
}

int memcmp(const void *a, const void *b, size_t n) {
    const uint8_t *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return 0;
}

void *memset(void *d, int c, size_t n) {
    uint8_t *p = d;
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n) {
    uint8_t *p = d;
    const uint8_t *q = s;
    for (size_t i = 0; i < n; i++) p[i] = q[i];
    return d;
}

void *memmove(void *d, const void *s, size_t n) {
    uint8_t *p = d;
    const uint8_t *q = s;
    if (p < q) {
        for (size_t i = 0; i < n; i++) p[i] = q[i];
    } else {
        for (size_t i = n; i > 0; i--) p[i - 1] = q[i - 1];
    }
    return d;
}

// Hasher's per-process seed. The explorer hashes only its own small keys, so a fixed,
// well-mixed sequence is enough (and keeps the page deterministic).
void arc4random_buf(void *buffer, size_t n) {
    uint8_t *p = buffer;
    uint32_t x = 0x9E3779B9u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        p[i] = (uint8_t)x;
    }
}

// Stack protection, which the Swift compiler emits for functions with local buffers.
size_t __stack_chk_guard = 0x5E11A7C3u;

void __stack_chk_fail(void) { __builtin_trap(); }

// 128-bit multiplication, which Swift's `Int64.multipliedReportingOverflow(by:)` lowers to on
// wasm32 (the 64-bit element and byte counts, LayerElementCounts). Written as compiler-rt writes
// it, from 64-bit halves, so that the compiler cannot turn it back into a call to itself.
typedef union {
    __int128 all;
    struct {
        uint64_t low;
        int64_t high;
    } s;
} twords;

static __int128 multiply_halves(uint64_t a, uint64_t b) {
    const uint64_t lower = 0xFFFFFFFFull;
    twords r;
    r.s.low = (a & lower) * (b & lower);
    uint64_t t = r.s.low >> 32;
    r.s.low &= lower;
    t += (a >> 32) * (b & lower);
    r.s.low += (t & lower) << 32;
    r.s.high = (int64_t)(t >> 32);
    t = r.s.low >> 32;
    r.s.low &= lower;
    t += (b >> 32) * (a & lower);
    r.s.low += (t & lower) << 32;
    r.s.high += (int64_t)(t >> 32);
    r.s.high += (int64_t)((a >> 32) * (b >> 32));
    return r.all;
}

__int128 __multi3(__int128 a, __int128 b) {
    twords x, y, r;
    x.all = a;
    y.all = b;
    r.all = multiply_halves(x.s.low, y.s.low);
    r.s.high += (int64_t)((uint64_t)x.s.high * y.s.low + x.s.low * (uint64_t)y.s.high);
    return r.all;
}
