// Names the codegen knobs two knob strings disagree on, for the 'knobs' error message. The
// strings are JSON objects by convention only: anything else falls back to their fingerprints.

/** How a knob value reads in a message: strings bare, absent as "unset", the rest as JSON. */
function show(v: unknown): string {
  if (v === undefined) return 'unset';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function parseObject(s: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "optLevel=none (here speed), padding=16 (here 0)" for the keys whose values differ, in the
 * artifact's key order then this side's; undefined when the strings are not both JSON objects
 * or differ only in spelling (key order, spacing).
 */
export function knobDiff(artifact: string, here: string): string | undefined {
  const a = parseObject(artifact);
  const h = parseObject(here);
  if (a === undefined || h === undefined) return undefined;
  const parts: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(h)])) {
    const av = Object.hasOwn(a, k) ? a[k] : undefined;
    const hv = Object.hasOwn(h, k) ? h[k] : undefined;
    if (JSON.stringify(av) !== JSON.stringify(hv)) parts.push(`${k}=${show(av)} (here ${show(hv)})`);
  }
  return parts.length === 0 ? undefined : parts.join(', ');
}
