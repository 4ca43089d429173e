// glibc's allocator statistics (mallinfo2, glibc ≥ 2.33), which Swift's Glibc module does not
// import: `bench --profile` records heap in use and arena size per scenario from them.
#include <malloc.h>
