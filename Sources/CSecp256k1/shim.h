// libsecp256k1 with the BIP-340 modules (extrakeys, schnorrsig) for Nostr signatures.
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>
