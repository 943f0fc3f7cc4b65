/* Linear memories as copy-on-write mappings: reserve the maximum as PROT_NONE, map the
 * image privately over the start, hand out ArrayBuffers over it; grow by mprotect, reset
 * by MADV_DONTNEED. Leaves out making images (image.c) and artifact files (file.c). */
#include "crucible_native.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Random tag: proves an ArrayBuffer is one of ours, so grow/reset never touch a foreign
 * buffer's memory. */
static const napi_type_tag memory_tag = {0x3c5d7e9f1a2b4c6dULL, 0x5e6f708192a3b4c5ULL};

static const int rw = PROT_READ | PROT_WRITE;

static void memory_free(cn_memory *memory) {
  munmap(memory->base, memory->reserved);
  cn_image_unref(memory->image);
  free(memory->tail);
  free(memory);
}

/* Ownership: every ArrayBuffer over the reservation holds one reference and this is its
 * finalizer (Node-API runs it on the JS thread, so the count needs no lock). An older,
 * shorter buffer keeps the whole reservation mapped, never a dangling prefix. */
static void memory_finalize(napi_env env, void *data, void *hint) {
  cn_memory *memory = (cn_memory *)hint;
  if (--memory->refs == 0) memory_free(memory);
}

cn_memory *cn_memory_reserve(napi_env env, const char *fn, size_t initial, size_t maximum) {
  if (initial > maximum) {
    cn_throw_range(env, fn, "initialBytes must not exceed maximumBytes");
    return NULL;
  }
  int ok_reserved, ok_initial;
  size_t reserved = cn_page_up(maximum, &ok_reserved);
  size_t accessible = cn_page_up(initial, &ok_initial);
  if (!ok_reserved || !ok_initial) {
    cn_throw_range(env, fn, "maximumBytes is too large");
    return NULL;
  }
  /* A zero-byte mmap is invalid, and a buffer over no mapping could not be reset. */
  if (reserved == 0) reserved = cn_page_size;

  void *base = mmap(NULL, reserved, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) {
    cn_throw_errno(env, fn, "mmap", NULL, errno);
    return NULL;
  }
  if (accessible > 0 && mprotect(base, accessible, rw) != 0) {
    int err = errno;
    munmap(base, reserved);
    cn_throw_errno(env, fn, "mprotect", NULL, err);
    return NULL;
  }
  cn_memory *memory = calloc(1, sizeof *memory);
  if (memory == NULL) {
    munmap(base, reserved);
    cn_throw_errno(env, fn, "calloc", NULL, ENOMEM);
    return NULL;
  }
  memory->base = (uint8_t *)base;
  memory->reserved = reserved;
  memory->maximum = maximum;
  memory->initial = initial;
  memory->length = initial;
  memory->accessible = accessible;
  return memory;
}

void cn_memory_discard(cn_memory *memory) { memory_free(memory); }

napi_status cn_memory_expose(napi_env env, cn_memory *memory, size_t length, napi_value *result) {
  napi_value buffer;
  napi_status status =
      napi_create_external_arraybuffer(env, memory->base, length, memory_finalize, memory, &buffer);
  if (status != napi_ok) return status;
  memory->refs++;
  if ((status = napi_type_tag_object(env, buffer, &memory_tag)) != napi_ok) return status;
  if ((status = napi_wrap(env, buffer, memory, NULL, NULL, NULL)) != napi_ok) return status;
  *result = buffer;
  return napi_ok;
}

/* Exposes a buffer, cleaning up a memory no buffer owns yet when that fails. */
static napi_value expose_or_throw(napi_env env, const char *fn, cn_memory *memory, size_t length) {
  napi_value result;
  if (cn_memory_expose(env, memory, length, &result) != napi_ok) {
    if (memory->refs == 0) cn_memory_discard(memory);
    return cn_fail(env, fn);
  }
  return result;
}

static cn_memory *memory_from_js(napi_env env, napi_value value, const char *fn) {
  bool is_buffer = false, tagged = false;
  void *data = NULL;
  if (napi_is_arraybuffer(env, value, &is_buffer) != napi_ok || !is_buffer ||
      napi_check_object_type_tag(env, value, &memory_tag, &tagged) != napi_ok || !tagged ||
      napi_unwrap(env, value, &data) != napi_ok || data == NULL) {
    cn_throw_type(env, fn, "memory must be an ArrayBuffer returned by the native backend's mapMemory, "
                           "mapImageFromFile, growMemory or resetMemory");
    return NULL;
  }
  return (cn_memory *)data;
}

/* mapMemory(image | null, initialBytes, maximumBytes) -> ArrayBuffer */
napi_value cn_map_memory(napi_env env, napi_callback_info info) {
  static const char fn[] = "mapMemory";
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 3) return cn_throw_type(env, fn, "expected (image, initialBytes, maximumBytes)");
  cn_image *image = NULL;
  if (!cn_is_nullish(env, argv[0]) && (image = cn_image_from_js(env, argv[0], fn)) == NULL) return NULL;
  size_t initial, maximum;
  if (!cn_get_size(env, argv[1], fn, "initialBytes", &initial)) return NULL;
  if (!cn_get_size(env, argv[2], fn, "maximumBytes", &maximum)) return NULL;
  if (image != NULL && image->size > initial) return cn_throw_range(env, fn, "image is larger than initialBytes");

  cn_memory *memory = cn_memory_reserve(env, fn, initial, maximum);
  if (memory == NULL) return NULL;
  if (image != NULL && image->file_len > 0) {
    if (mmap(memory->base, image->file_len, rw, MAP_PRIVATE | MAP_FIXED, image->fd, 0) == MAP_FAILED) {
      int err = errno;
      cn_memory_discard(memory);
      return cn_throw_errno(env, fn, "mmap", NULL, err);
    }
    memory->mapped_len = image->file_len;
  }
  if (image != NULL) {
    cn_image_ref(image);
    memory->image = image;
    memory->image_size = image->size;
  }
  return expose_or_throw(env, fn, memory, initial);
}

/* Zeroes [from, to) of the anonymous part past the image. Needed because reset leaves the
 * grown tail accessible (see cn_reset_memory), so a stale, longer buffer may have written
 * there since; whole pages are dropped rather than written, so this costs no RSS. */
static int zero_tail(cn_memory *memory, size_t from, size_t to) {
  if (from >= to) return 0;
  int ok;
  size_t first_page = cn_page_up(from, &ok);
  size_t last_page = to & ~(cn_page_size - 1);
  if (first_page >= last_page) {
    memset(memory->base + from, 0, to - from);
    return 0;
  }
  memset(memory->base + from, 0, first_page - from);
  if (madvise(memory->base + first_page, last_page - first_page, MADV_DONTNEED) != 0) return errno;
  memset(memory->base + last_page, 0, to - last_page);
  return 0;
}

/* growMemory(memory, newBytes) -> a new ArrayBuffer of newBytes over the same reservation */
napi_value cn_grow_memory(napi_env env, napi_callback_info info) {
  static const char fn[] = "growMemory";
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 2) return cn_throw_type(env, fn, "expected (memory, newBytes)");
  cn_memory *memory = memory_from_js(env, argv[0], fn);
  if (memory == NULL) return NULL;
  size_t new_bytes;
  if (!cn_get_size(env, argv[1], fn, "newBytes", &new_bytes)) return NULL;
  if (new_bytes < memory->length) return cn_throw_range(env, fn, "newBytes is smaller than the current length");
  if (new_bytes > memory->maximum) return cn_throw_range(env, fn, "newBytes exceeds maximumBytes");

  int ok;
  size_t needed = cn_page_up(new_bytes, &ok);
  size_t stale_end = new_bytes < memory->accessible ? new_bytes : memory->accessible;
  int err = zero_tail(memory, memory->length, stale_end);
  if (err != 0) return cn_throw_errno(env, fn, "madvise", NULL, err);
  if (needed > memory->accessible) {
    /* Pages past `accessible` were never writable since reservation, hence still zero. */
    if (mprotect(memory->base + memory->accessible, needed - memory->accessible, rw) != 0) {
      return cn_throw_errno(env, fn, "mprotect", NULL, errno);
    }
    memory->accessible = needed;
  }
  napi_value result = expose_or_throw(env, fn, memory, new_bytes);
  if (result != NULL) memory->length = new_bytes;
  return result;
}

/* Shows another memfd image (or none) at the base: maps it privately over the start and
 * turns what the old image covered beyond it back into anonymous memory. MAP_FIXED only
 * fails here for lack of kernel memory; the error is thrown and the memory must not be
 * used again (some kernels leave the range unmapped after a failed MAP_FIXED). */
static int switch_image(cn_memory *memory, cn_image *target, const char **syscall) {
  size_t new_len = target != NULL ? target->file_len : 0;
  if (new_len > 0 &&
      mmap(memory->base, new_len, rw, MAP_PRIVATE | MAP_FIXED, target->fd, 0) == MAP_FAILED) {
    *syscall = "mmap";
    return errno;
  }
  if (memory->mapped_len > new_len &&
      mmap(memory->base + new_len, memory->mapped_len - new_len, rw,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0) == MAP_FAILED) {
    *syscall = "mmap";
    return errno;
  }
  if (target != NULL) cn_image_ref(target);
  cn_image_unref(memory->image);
  memory->image = target;
  memory->image_size = target != NULL ? target->size : 0;
  memory->mapped_len = new_len;
  free(memory->tail);
  memory->tail = NULL;
  memory->tail_len = 0;
  return 0;
}

/* resetMemory(memory, image?, initialBytes?) -> ArrayBuffer of initialBytes showing the
 * image. `image` undefined keeps the current one (memfd or artifact file); null shows
 * zeros. The same buffer is returned when its length already is initialBytes.
 *
 * The grown tail is dropped (MADV_DONTNEED gives zero pages) but stays accessible: older,
 * longer buffers over this reservation may still be alive, and re-protecting would turn
 * their accesses into SIGSEGV. Growth re-zeroes that tail before handing it out. */
napi_value cn_reset_memory(napi_env env, napi_callback_info info) {
  static const char fn[] = "resetMemory";
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 1) return cn_throw_type(env, fn, "expected (memory, image?, initialBytes?)");
  cn_memory *memory = memory_from_js(env, argv[0], fn);
  if (memory == NULL) return NULL;

  napi_valuetype type = napi_undefined;
  int switching = 0;
  cn_image *target = NULL;
  if (argc >= 2 && napi_typeof(env, argv[1], &type) == napi_ok && type != napi_undefined) {
    if (type != napi_null && (target = cn_image_from_js(env, argv[1], fn)) == NULL) return NULL;
    /* Asking for the image already shown is a plain reset, which keeps file-backed tails. */
    switching = target != memory->image || (target == NULL && memory->mapped_len + memory->tail_len > 0);
  }
  size_t initial = memory->initial;
  if (argc >= 3 && !cn_is_nullish(env, argv[2]) && !cn_get_size(env, argv[2], fn, "initialBytes", &initial)) {
    return NULL;
  }
  size_t image_size = switching ? (target != NULL ? target->size : 0) : memory->image_size;
  if (initial > memory->maximum) return cn_throw_range(env, fn, "initialBytes exceeds maximumBytes");
  if (image_size > initial) return cn_throw_range(env, fn, "image is larger than initialBytes");

  const char *syscall = "madvise";
  int err = switching ? switch_image(memory, target, &syscall) : 0;
  if (err == 0 && memory->accessible > 0 && madvise(memory->base, memory->accessible, MADV_DONTNEED) != 0) {
    err = errno;
  }
  if (err != 0) return cn_throw_errno(env, fn, syscall, NULL, err);
  if (memory->tail_len > 0) memcpy(memory->base + memory->mapped_len, memory->tail, memory->tail_len);

  int ok;
  size_t needed = cn_page_up(initial, &ok);
  if (needed > memory->accessible) {
    if (mprotect(memory->base + memory->accessible, needed - memory->accessible, rw) != 0) {
      return cn_throw_errno(env, fn, "mprotect", NULL, errno);
    }
    memory->accessible = needed;
  }
  memory->initial = initial;
  memory->length = initial;

  size_t current = 0;
  if (napi_get_arraybuffer_info(env, argv[0], NULL, &current) == napi_ok && current == initial) return argv[0];
  return expose_or_throw(env, fn, memory, initial);
}
