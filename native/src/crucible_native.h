/* Shared declarations of the copy-on-write memory image addon: the image and memory
 * records, argument helpers and the exported entry points. Nothing wasm-specific lives
 * here: sizes are bytes, and bounds checks against them are the runtime's business. */
#ifndef CRUCIBLE_NATIVE_H
#define CRUCIBLE_NATIVE_H

#include <node_api.h>
#include <stddef.h>
#include <stdint.h>

/* Largest size accepted from JS: every integer up to it is exact in a double. */
#define CN_MAX_SAFE ((double)9007199254740991.0)

/* The OS page size, read once at module load. */
extern size_t cn_page_size;

/* Rounds up to a multiple of the OS page size; returns 0 and sets *ok=0 on overflow. */
size_t cn_page_up(size_t n, int *ok);

/* A sealed memfd holding a linear memory's initial contents, zero padded to whole pages.
 * Shared by its JS handle and by every memory currently showing it (refs). */
typedef struct cn_image {
  int fd;
  size_t size;     /* logical size as given to createImage */
  size_t file_len; /* bytes in the memfd: size rounded up to the OS page */
  size_t refs;
} cn_image;

void cn_image_ref(cn_image *image);
void cn_image_unref(cn_image *image);
/* Unwraps a JS image handle; throws a TypeError and returns NULL when it is not one. */
cn_image *cn_image_from_js(napi_env env, napi_value value, const char *fn);

/* One address-space reservation holding one linear memory. Every ArrayBuffer handed to
 * JS over it (the first one, each grown one, each reset one of another length) holds one
 * reference; the last finalizer unmaps the whole reservation. */
typedef struct cn_memory {
  uint8_t *base;
  size_t reserved;   /* bytes of address space: maximum rounded up to a page, at least one page */
  size_t maximum;    /* logical maximum length */
  size_t initial;    /* length a reset returns to */
  size_t length;     /* length of the newest buffer */
  size_t accessible; /* bytes readable and writable from base; page multiple, never shrinks */
  cn_image *image;   /* memfd image shown at base (a reference is held), or NULL */
  size_t image_size; /* logical size of the image shown (memfd or artifact range) */
  size_t mapped_len; /* [0, mapped_len) is a private file mapping (memfd or artifact file) */
  uint8_t *tail;     /* artifact bytes past the last whole page, rewritten after each reset */
  size_t tail_len;
  size_t refs;       /* live ArrayBuffers over this reservation */
} cn_memory;

/* Reserves address space and makes [0, page_up(initial)) accessible. Throws and returns
 * NULL on failure. The caller maps the image, then calls cn_memory_expose. */
cn_memory *cn_memory_reserve(napi_env env, const char *fn, size_t initial, size_t maximum);
/* Releases a reservation that was never exposed to JS. */
void cn_memory_discard(cn_memory *memory);
/* Wraps [0, length) of the memory in a new ArrayBuffer owning one reference. */
napi_status cn_memory_expose(napi_env env, cn_memory *memory, size_t length, napi_value *result);

/* Argument helpers: each throws a JS error (TypeError or RangeError with a code) and
 * returns 0 when the value is unusable, so callers can `return NULL` at once. */
int cn_get_size(napi_env env, napi_value value, const char *fn, const char *name, size_t *out);
/* Copies a path string into a malloc'd buffer (free it); rejects embedded NULs. */
int cn_get_path(napi_env env, napi_value value, const char *fn, char **out);
int cn_is_nullish(napi_env env, napi_value value);

napi_value cn_throw_type(napi_env env, const char *fn, const char *message);
napi_value cn_throw_range(napi_env env, const char *fn, const char *message);
/* Throws a generic error after a failed Node-API call, unless one is already pending. */
napi_value cn_fail(napi_env env, const char *fn);
/* Throws an Error shaped like Node's system errors: code (ENOENT...), errno, syscall, path. */
napi_value cn_throw_errno(napi_env env, const char *fn, const char *syscall, const char *path, int err);

/* Exported functions, one per file section. */
napi_value cn_create_image(napi_env env, napi_callback_info info);
napi_value cn_map_memory(napi_env env, napi_callback_info info);
napi_value cn_grow_memory(napi_env env, napi_callback_info info);
napi_value cn_reset_memory(napi_env env, napi_callback_info info);
napi_value cn_map_file(napi_env env, napi_callback_info info);
napi_value cn_map_image_from_file(napi_env env, napi_callback_info info);

#endif
