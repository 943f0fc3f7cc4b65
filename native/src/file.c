/* Artifact files: mapFile maps a file, or a page-aligned range of it, as an ArrayBuffer;
 * mapImageFromFile makes a copy-on-write memory whose image is a page-aligned range of a
 * file (no memfd). Leaves out protection against the file being truncated while mapped:
 * artifacts are written once and renamed into place, and a truncated mapping would fault
 * (SIGBUS) on access. */
#include "crucible_native.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Opens a regular file read-only and returns its size; throws and returns -1 otherwise. */
static int open_regular(napi_env env, const char *fn, const char *path, size_t *size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    cn_throw_errno(env, fn, "open", path, errno);
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    cn_throw_errno(env, fn, "fstat", path, err);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    /* Same code Node's fs gives for reading a directory; other kinds cannot be mapped. */
    cn_throw_errno(env, fn, "fstat", path, S_ISDIR(st.st_mode) ? EISDIR : ENODEV);
    return -1;
  }
  *size = (size_t)st.st_size;
  return fd;
}

static void file_finalize(napi_env env, void *data, void *hint) { munmap(data, (size_t)(uintptr_t)hint); }

/* Reads an optional size argument: absent, undefined or null leave *out unchanged. */
static int optional_size(napi_env env, size_t argc, napi_value *argv, size_t i, const char *fn, const char *name,
                         size_t *out, int *given) {
  *given = i < argc && !cn_is_nullish(env, argv[i]);
  return !*given || cn_get_size(env, argv[i], fn, name, out);
}

/* mapFile(path, offset?, length?) -> ArrayBuffer over [offset, offset + length) of the file:
 * the whole file when both are omitted, the rest of it from `offset` when only length is.
 * `offset` must be a multiple of the OS page (mmap's rule, checked here so the twin can say
 * the same), an explicit length must be positive, and the range must lie inside the file.
 * Mapped writable but private: JS cannot mark an ArrayBuffer read-only, and a stray
 * write into PROT_READ pages would kill the process. Writes stay in this process; the
 * file never changes. */
napi_value cn_map_file(napi_env env, napi_callback_info info) {
  static const char fn[] = "mapFile";
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 1) return cn_throw_type(env, fn, "expected (path, offset?, length?)");
  size_t offset = 0, length = 0;
  int has_offset, has_length;
  if (!optional_size(env, argc, argv, 1, fn, "offset", &offset, &has_offset) ||
      !optional_size(env, argc, argv, 2, fn, "length", &length, &has_length)) {
    return NULL;
  }
  if (offset % cn_page_size != 0) return cn_throw_range(env, fn, "offset must be a multiple of the OS page size");
  if (has_length && length == 0) return cn_throw_range(env, fn, "length must be greater than zero");
  char *path;
  if (!cn_get_path(env, argv[0], fn, &path)) return NULL;
  size_t size;
  int fd = open_regular(env, fn, path, &size);
  if (fd < 0) {
    free(path);
    return NULL;
  }
  if (offset > size || (has_length && length > size - offset)) {
    close(fd);
    free(path);
    return cn_throw_range(env, fn, "offset + length is past the end of the file");
  }
  if (!has_length) length = size - offset;
  napi_value result;
  if (length == 0) {
    close(fd);
    free(path);
    if (napi_create_arraybuffer(env, 0, NULL, &result) != napi_ok) return cn_fail(env, fn);
    return result;
  }
  void *data = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE, fd, (off_t)offset);
  int err = errno;
  close(fd);
  if (data == MAP_FAILED) {
    napi_value thrown = cn_throw_errno(env, fn, "mmap", path, err);
    free(path);
    return thrown;
  }
  free(path);
  if (napi_create_external_arraybuffer(env, data, length, file_finalize, (void *)(uintptr_t)length, &result) !=
      napi_ok) {
    munmap(data, length);
    return cn_fail(env, fn);
  }
  return result;
}

/* Reads exactly len bytes at offset; a short read means the file shrank under us. */
static int read_exact(int fd, uint8_t *out, size_t len, size_t offset) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(fd, out + done, len - done, (off_t)(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    done += (size_t)n;
  }
  return 0;
}

/* Maps [offset, offset + length) of an open file at the memory's base: whole pages as a
 * private file mapping, the last partial page copied (a mapping would show the bytes
 * after the range, which must read as zero). */
static int map_range(cn_memory *memory, int fd, size_t offset, size_t length, const char **syscall) {
  size_t whole = length & ~(cn_page_size - 1);
  size_t tail = length - whole;
  if (whole > 0 &&
      mmap(memory->base, whole, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, (off_t)offset) == MAP_FAILED) {
    *syscall = "mmap";
    return errno;
  }
  memory->mapped_len = whole;
  memory->image_size = length;
  if (tail == 0) return 0;
  if ((memory->tail = malloc(tail)) == NULL) {
    *syscall = "malloc";
    return ENOMEM;
  }
  memory->tail_len = tail;
  int err = read_exact(fd, memory->tail, tail, offset + whole);
  if (err != 0) {
    *syscall = "pread";
    return err;
  }
  memcpy(memory->base + whole, memory->tail, tail);
  return 0;
}

/* mapImageFromFile(path, offset, length, initialBytes, maximumBytes) -> ArrayBuffer */
napi_value cn_map_image_from_file(napi_env env, napi_callback_info info) {
  static const char fn[] = "mapImageFromFile";
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return cn_fail(env, fn);
  if (argc < 5) return cn_throw_type(env, fn, "expected (path, offset, length, initialBytes, maximumBytes)");
  size_t offset, length, initial, maximum;
  if (!cn_get_size(env, argv[1], fn, "offset", &offset) || !cn_get_size(env, argv[2], fn, "length", &length) ||
      !cn_get_size(env, argv[3], fn, "initialBytes", &initial) ||
      !cn_get_size(env, argv[4], fn, "maximumBytes", &maximum)) {
    return NULL;
  }
  if (offset % cn_page_size != 0) return cn_throw_range(env, fn, "offset must be a multiple of the OS page size");
  if (length > initial) return cn_throw_range(env, fn, "length (the image) is larger than initialBytes");
  char *path;
  if (!cn_get_path(env, argv[0], fn, &path)) return NULL;
  size_t file_size;
  int fd = open_regular(env, fn, path, &file_size);
  if (fd < 0) {
    free(path);
    return NULL;
  }
  if (offset > file_size || length > file_size - offset) {
    close(fd);
    free(path);
    return cn_throw_range(env, fn, "offset + length is past the end of the file");
  }
  cn_memory *memory = cn_memory_reserve(env, fn, initial, maximum);
  if (memory == NULL) {
    close(fd);
    free(path);
    return NULL;
  }
  const char *syscall = NULL;
  int err = map_range(memory, fd, offset, length, &syscall);
  close(fd);
  if (err != 0) {
    cn_memory_discard(memory);
    napi_value thrown = cn_throw_errno(env, fn, syscall, path, err);
    free(path);
    return thrown;
  }
  free(path);
  napi_value result;
  if (cn_memory_expose(env, memory, initial, &result) != napi_ok) {
    if (memory->refs == 0) cn_memory_discard(memory);
    return cn_fail(env, fn);
  }
  return result;
}
