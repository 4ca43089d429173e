// zlib's deflate/inflate with gzip headers, for BenchFormats' .jsonl.gz streams.
#include <zlib.h>
