// glibc's allocator report (malloc_info, from <malloc.h>), which Swift's Glibc module does not
// import: `bench --profile` records heap in use and arena size per scenario from it.
#include <malloc.h>
#include <stdio.h>
