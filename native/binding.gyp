# Build description for the copy-on-write memory image addon (plain C, Node-API only).
# Linux only: memfd_create, MAP_FIXED over a PROT_NONE reservation, MADV_DONTNEED resets.
{
  "targets": [
    {
      "target_name": "crucible_native",
      "sources": [
        "src/crucible_native.c",
        "src/args.c",
        "src/image.c",
        "src/memory.c",
        "src/file.c"
      ],
      "defines": ["NAPI_VERSION=8", "_GNU_SOURCE"],
      "cflags": ["-std=c11", "-Wall", "-Wextra", "-Wno-unused-parameter", "-O2"]
    }
  ]
}
