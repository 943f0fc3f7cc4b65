/* Argument checking and error throwing for the addon: every bad JS value becomes a typed
 * JS error with a `code`, never a crash. Leaves out localisation and errno values that
 * the addon's system calls cannot return (those get code ERR_SYSTEM). */
#include "crucible_native.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t cn_page_size = 4096;

size_t cn_page_up(size_t n, int *ok) {
  size_t mask = cn_page_size - 1;
  if (n > SIZE_MAX - mask) {
    *ok = 0;
    return 0;
  }
  *ok = 1;
  return (n + mask) & ~mask;
}

/* Names for the errnos open/fstat/mmap/mprotect/madvise/memfd can report; a table so the
 * codes match what Node's fs module would say for the same failure. */
static const struct {
  int err;
  const char *code;
} errno_names[] = {
    {ENOENT, "ENOENT"},   {EACCES, "EACCES"},   {EPERM, "EPERM"},     {ENOMEM, "ENOMEM"},
    {EINVAL, "EINVAL"},   {EISDIR, "EISDIR"},   {ENOTDIR, "ENOTDIR"}, {EMFILE, "EMFILE"},
    {ENFILE, "ENFILE"},   {ENOSYS, "ENOSYS"},   {ENODEV, "ENODEV"},   {EOVERFLOW, "EOVERFLOW"},
    {EFBIG, "EFBIG"},     {ENOSPC, "ENOSPC"},   {EIO, "EIO"},         {EAGAIN, "EAGAIN"},
    {ELOOP, "ELOOP"},     {EBADF, "EBADF"},     {EFAULT, "EFAULT"},   {ENAMETOOLONG, "ENAMETOOLONG"},
    {ETXTBSY, "ETXTBSY"}, {EINTR, "EINTR"},     {ENXIO, "ENXIO"},
};

static const char *errno_code(int err) {
  for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++) {
    if (errno_names[i].err == err) return errno_names[i].code;
  }
  return "ERR_SYSTEM";
}

static napi_value throw_with(napi_env env, napi_status (*make)(napi_env, napi_value, napi_value, napi_value *),
                             const char *code, const char *text) {
  napi_value js_code, js_msg, error;
  if (napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &js_code) != napi_ok ||
      napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &js_msg) != napi_ok ||
      make(env, js_code, js_msg, &error) != napi_ok) {
    napi_throw_error(env, code, text);
    return NULL;
  }
  napi_throw(env, error);
  return NULL;
}

napi_value cn_throw_type(napi_env env, const char *fn, const char *message) {
  char text[512];
  snprintf(text, sizeof text, "%s: %s", fn, message);
  return throw_with(env, napi_create_type_error, "ERR_INVALID_ARG", text);
}

napi_value cn_throw_range(napi_env env, const char *fn, const char *message) {
  char text[512];
  snprintf(text, sizeof text, "%s: %s", fn, message);
  return throw_with(env, napi_create_range_error, "ERR_OUT_OF_RANGE", text);
}

/* Sets one property, ignoring failure: the error is thrown either way. */
static void set_prop(napi_env env, napi_value object, const char *name, napi_value value) {
  if (value != NULL) napi_set_named_property(env, object, name, value);
}

napi_value cn_throw_errno(napi_env env, const char *fn, const char *syscall, const char *path, int err) {
  const char *code = errno_code(err);
  char text[1024];
  if (path != NULL) {
    snprintf(text, sizeof text, "%s: %s, %s '%s'", fn, code, strerror(err), path);
  } else {
    snprintf(text, sizeof text, "%s: %s, %s (%s)", fn, code, strerror(err), syscall);
  }
  napi_value js_code, js_msg, error, value;
  if (napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &js_code) != napi_ok ||
      napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &js_msg) != napi_ok ||
      napi_create_error(env, js_code, js_msg, &error) != napi_ok) {
    napi_throw_error(env, code, text);
    return NULL;
  }
  if (napi_create_int32(env, -err, &value) == napi_ok) set_prop(env, error, "errno", value);
  if (napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &value) == napi_ok) set_prop(env, error, "syscall", value);
  if (path != NULL && napi_create_string_utf8(env, path, NAPI_AUTO_LENGTH, &value) == napi_ok) {
    set_prop(env, error, "path", value);
  }
  napi_throw(env, error);
  return NULL;
}

int cn_get_size(napi_env env, napi_value value, const char *fn, const char *name, size_t *out) {
  char text[256];
  napi_valuetype type;
  double number;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_number ||
      napi_get_value_double(env, value, &number) != napi_ok) {
    snprintf(text, sizeof text, "%s must be a number", name);
    cn_throw_type(env, fn, text);
    return 0;
  }
  /* NaN fails every comparison, so test for the good range and negate. */
  if (!(number >= 0 && number <= CN_MAX_SAFE) || (double)(uint64_t)number != number) {
    snprintf(text, sizeof text, "%s must be a non-negative safe integer, got %g", name, number);
    cn_throw_range(env, fn, text);
    return 0;
  }
  if (number > (double)(SIZE_MAX / 2)) {
    snprintf(text, sizeof text, "%s is too large: %g", name, number);
    cn_throw_range(env, fn, text);
    return 0;
  }
  *out = (size_t)number;
  return 1;
}

int cn_get_path(napi_env env, napi_value value, const char *fn, char **out) {
  napi_valuetype type;
  size_t length;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_string ||
      napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok) {
    cn_throw_type(env, fn, "path must be a string");
    return 0;
  }
  char *path = malloc(length + 1);
  if (path == NULL) {
    cn_throw_errno(env, fn, "malloc", NULL, ENOMEM);
    return 0;
  }
  size_t copied;
  if (napi_get_value_string_utf8(env, value, path, length + 1, &copied) != napi_ok) {
    free(path);
    cn_throw_type(env, fn, "path must be a string");
    return 0;
  }
  /* A NUL inside the JS string would silently name a different file. */
  if (copied == 0 || strlen(path) != copied) {
    free(path);
    cn_throw_type(env, fn, copied == 0 ? "path must not be empty" : "path must not contain NUL");
    return 0;
  }
  *out = path;
  return 1;
}

int cn_is_nullish(napi_env env, napi_value value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok) return 0;
  return type == napi_null || type == napi_undefined;
}

napi_value cn_fail(napi_env env, const char *fn) {
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) return NULL;
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  char text[512];
  snprintf(text, sizeof text, "%s: Node-API call failed: %s", fn,
           info != NULL && info->error_message != NULL ? info->error_message : "unknown error");
  napi_throw_error(env, "ERR_NAPI", text);
  return NULL;
}
