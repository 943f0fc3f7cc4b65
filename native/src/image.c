/* createImage: a sealed memfd holding a linear memory's initial contents, and its JS
 * handle (a frozen `{ size }` object, type-tagged so foreign objects are refused).
 * Leaves out mapping: memory.c maps images; this file only makes and owns them. */
#include "crucible_native.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* Random tag: proves a JS object is an image handle made by this addon. */
static const napi_type_tag image_tag = {0x8f3b1c7a2d4e5f60ULL, 0x19a2b3c4d5e6f708ULL};

void cn_image_ref(cn_image *image) { image->refs++; }

void cn_image_unref(cn_image *image) {
  if (image == NULL || --image->refs > 0) return;
  close(image->fd);
  free(image);
}

static void image_finalize(napi_env env, void *data, void *hint) { cn_image_unref((cn_image *)data); }

cn_image *cn_image_from_js(napi_env env, napi_value value, const char *fn) {
  napi_valuetype type;
  bool tagged = false;
  void *data = NULL;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_object ||
      napi_check_object_type_tag(env, value, &image_tag, &tagged) != napi_ok || !tagged ||
      napi_unwrap(env, value, &data) != napi_ok || data == NULL) {
    cn_throw_type(env, fn, "image must be a handle returned by createImage of the native backend");
    return NULL;
  }
  return (cn_image *)data;
}

/* Writes all of [data, data+len) at offset 0, retrying short writes and EINTR. */
static int write_all(int fd, const uint8_t *data, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = pwrite(fd, data + done, len - done, (off_t)done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += (size_t)n;
  }
  return 0;
}

/* Makes the memfd: sized, filled, then sealed so no later write or resize can change
 * what every copy-on-write mapping of it sees. */
static int make_memfd(const uint8_t *bytes, size_t count, size_t file_len, int *out_fd, const char **syscall) {
  int fd = memfd_create("crucible-image", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) {
    *syscall = "memfd_create";
    return errno;
  }
  int err = 0;
  if (ftruncate(fd, (off_t)file_len) != 0) {
    *syscall = "ftruncate";
    err = errno;
  } else if ((err = write_all(fd, bytes, count)) != 0) {
    *syscall = "pwrite";
  } else if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
    *syscall = "fcntl(F_ADD_SEALS)";
    err = errno;
  }
  if (err != 0) {
    close(fd);
    return err;
  }
  *out_fd = fd;
  return 0;
}

/* createImage(bytes: Uint8Array, size: number) -> { size } */
napi_value cn_create_image(napi_env env, napi_callback_info info) {
  static const char fn[] = "createImage";
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 2) return cn_throw_type(env, fn, "expected (bytes, size)");

  bool is_typed = false;
  napi_typedarray_type kind;
  size_t count = 0;
  void *data = NULL;
  if (napi_is_typedarray(env, argv[0], &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, argv[0], &kind, &count, &data, NULL, NULL) != napi_ok ||
      kind != napi_uint8_array) {
    return cn_throw_type(env, fn, "bytes must be a Uint8Array");
  }
  size_t size;
  if (!cn_get_size(env, argv[1], fn, "size", &size)) return NULL;
  if (size < count) return cn_throw_range(env, fn, "size must be at least bytes.length");
  int ok;
  size_t file_len = cn_page_up(size, &ok);
  if (!ok) return cn_throw_range(env, fn, "size is too large");

  int fd = -1;
  const char *syscall = NULL;
  int err = make_memfd((const uint8_t *)data, count, file_len, &fd, &syscall);
  if (err != 0) return cn_throw_errno(env, fn, syscall, NULL, err);

  cn_image *image = malloc(sizeof *image);
  if (image == NULL) {
    close(fd);
    return cn_throw_errno(env, fn, "malloc", NULL, ENOMEM);
  }
  image->fd = fd;
  image->size = size;
  image->file_len = file_len;
  image->refs = 1; /* the JS handle's */

  napi_value handle, js_size;
  if (napi_create_object(env, &handle) != napi_ok || napi_create_double(env, (double)size, &js_size) != napi_ok ||
      napi_set_named_property(env, handle, "size", js_size) != napi_ok ||
      napi_type_tag_object(env, handle, &image_tag) != napi_ok) {
    cn_image_unref(image);
    return cn_fail(env, fn);
  }
  if (napi_wrap(env, handle, image, image_finalize, NULL, NULL) != napi_ok) {
    cn_image_unref(image);
    return cn_fail(env, fn);
  }
  napi_object_freeze(env, handle);
  return handle;
}
