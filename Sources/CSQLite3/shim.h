// The SQLite C API: one database per relay node (WAL mode).
#include <sqlite3.h>
