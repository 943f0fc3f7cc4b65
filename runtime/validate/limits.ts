// Implementation limits inside function bodies, as production engines impose them. The
// structural ones (body size, locals, params, results) are the decoder's MODULE_LIMITS.

/**
 * Limits the body validator enforces (V8's values). Everything else inside a body is bounded
 * by the body size, each instruction being at least one byte.
 */
export const VALIDATION_LIMITS = {
  /** Most targets in one br_table, default excluded (V8's kV8MaxWasmFunctionBrTableSize). */
  maxBrTableTargets: 65_520,
} as const;
