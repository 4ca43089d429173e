// Cairo's image surfaces, PNG output and the toy text API, for the Charts module.
#include <cairo/cairo.h>
