/* Module entry of the copy-on-write memory image addon: reads the page size and exports
 * the six functions plus `pageSize`. Leaves out all logic (image.c, memory.c, file.c)
 * and any fallback (the TypeScript twin is chosen in loadMemoryBackend.ts). */
#include "crucible_native.h"

#include <unistd.h>

/* One row per export: the JS name and its C implementation. */
static const struct {
  const char *name;
  napi_callback fn;
} exported[] = {
    {"createImage", cn_create_image},
    {"mapMemory", cn_map_memory},
    {"growMemory", cn_grow_memory},
    {"resetMemory", cn_reset_memory},
    {"mapFile", cn_map_file},
    {"mapImageFromFile", cn_map_image_from_file},
};

NAPI_MODULE_INIT() {
  long page = sysconf(_SC_PAGESIZE);
  if (page > 0) cn_page_size = (size_t)page;

  napi_value value;
  for (size_t i = 0; i < sizeof exported / sizeof exported[0]; i++) {
    if (napi_create_function(env, exported[i].name, NAPI_AUTO_LENGTH, exported[i].fn, NULL, &value) != napi_ok ||
        napi_set_named_property(env, exports, exported[i].name, value) != napi_ok) {
      return NULL;
    }
  }
  if (napi_create_double(env, (double)cn_page_size, &value) != napi_ok ||
      napi_set_named_property(env, exports, "pageSize", value) != napi_ok) {
    return NULL;
  }
  return exports;
}
