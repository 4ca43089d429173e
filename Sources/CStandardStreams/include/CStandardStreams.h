// Nothing to call: the library's constructor runs before main (see reserve.c).
#ifndef MESHBENCH_CSTANDARDSTREAMS_H
#define MESHBENCH_CSTANDARDSTREAMS_H
/// Returns how many of descriptors 0-2 were closed at start and reserved (for tests and logs).
int meshbench_reserved_standard_descriptors(void);
#endif
