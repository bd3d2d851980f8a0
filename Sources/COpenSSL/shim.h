/* SHA-256 from OpenSSL's libcrypto. The one-digest functions are deprecated in OpenSSL 3 in
 * favour of EVP, which loads the provider configuration (openssl.cnf) on first use; these run
 * the same assembly (with the processor's SHA instructions) and read no configuration. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
