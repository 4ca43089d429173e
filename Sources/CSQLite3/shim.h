// The SQLite C API: one database per relay node (WAL mode).
#include <sqlite3.h>

// `sqlite3_config` is variadic, which Swift cannot call: one wrapper per option MeshBench sets.
static inline int meshbench_sqlite3_config_memstatus(int enabled) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, enabled);
}
