/* The SHA-256 program over a 48 KiB buffer: about 4.4 million cycles, the trace-generation benchmark's guest. */
#define SHA256_BUFFER_BYTES 49152
#include "sha256.c"
