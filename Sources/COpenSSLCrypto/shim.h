// OpenSSL's libcrypto, for SHA-256 only. Its low-level SHA256_Init/Update/Final keep the state in a
// plain struct (SHA256_CTX) that Swift holds and copies as a value, with no allocation per hash;
// OpenSSL 3 marks them deprecated in favour of EVP, whose contexts live on the heap. The
// deprecation is silenced here, for this header only.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
