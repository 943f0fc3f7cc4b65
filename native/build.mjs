// Install-time build of the memory image addon: `node-gyp rebuild` in native/, then a
// test load, then ONE line saying which backend Crucible will use. Always exits 0, so
// `npm install` succeeds without a compiler (the TypeScript twin takes over).
// Leaves out downloading Node headers when none are installed (node-gyp may try itself).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = dirname(fileURLToPath(import.meta.url));
const addonPath = join(nativeDir, 'build', 'Release', 'crucible_native.node');
const logPath = join(nativeDir, 'build', 'build.log');
const required = ['createImage', 'mapMemory', 'growMemory', 'resetMemory', 'mapFile', 'mapImageFromFile'];
const TIMEOUT_MS = 180_000;

/** node-gyp as [command, ...args]: npm's own copy first (npm tells scripts where it is). */
function findNodeGyp() {
  const prefix = dirname(dirname(process.execPath));
  const scripts = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    scripts.splice(1, 0, createRequire(join(nativeDir, '..', 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency of the project: fine, npm bundles one
  }
  const script = scripts.find((candidate) => candidate && candidate.endsWith('.js') && existsSync(candidate));
  return script ? [process.execPath, script] : ['node-gyp'];
}

/** `--nodedir` pointing at this Node's own installed headers, so no download is needed. */
function localHeaders() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = dirname(dirname(process.execPath));
  const versionFile = join(prefix, 'include', 'node', 'node_version.h');
  if (!existsSync(join(prefix, 'include', 'node', 'node_api.h')) || !existsSync(versionFile)) return [];
  const text = readFileSync(versionFile, 'utf8');
  const part = (name) => new RegExp(`#define NODE_${name}_VERSION (\\d+)`).exec(text)?.[1];
  const version = `v${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
  return version === process.version ? [`--nodedir=${prefix}`] : [];
}

/** The line of a failed build's output that says why, without node-gyp's boilerplate. */
function reasonFrom(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const compiler = lines.find((line) => /\berror:/i.test(line) && !line.startsWith('gyp'));
  if (compiler) return compiler;
  // node-gyp states the failure once as "gyp ERR! stack Error: ..."; the rest is context.
  const stack = lines.find((line) => /^gyp ERR! stack \w*Error\b/.test(line));
  if (stack) return stack.replace(/^gyp ERR! stack /, '');
  const noise = /^gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok|stack)/;
  const gyp = lines.find((line) => line.startsWith('gyp ERR!') && !noise.test(line));
  return gyp ?? lines.at(-1) ?? 'node-gyp failed without output';
}

function saveLog(text) {
  try {
    mkdirSync(dirname(logPath), { recursive: true });
    writeFileSync(logPath, text);
    return ` (log: ${logPath})`;
  } catch {
    return '';
  }
}

/** Builds and test-loads the addon; returns undefined on success, else the reason. */
function build() {
  if (process.env.CRUCIBLE_SKIP_NATIVE) return 'CRUCIBLE_SKIP_NATIVE is set';
  if (process.platform !== 'linux') return `the addon is Linux-only (platform ${process.platform})`;
  const [command, ...prefixArgs] = findNodeGyp();
  const args = [...prefixArgs, 'rebuild', ...localHeaders()];
  const result = spawnSync(command, args, { cwd: nativeDir, encoding: 'utf8', timeout: TIMEOUT_MS });
  const output = `$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`;
  const log = saveLog(output);
  if (result.error?.code === 'ENOENT') return 'node-gyp not found';
  if (result.error?.code === 'ETIMEDOUT') return `node-gyp took over ${TIMEOUT_MS / 1000} s${log}`;
  if (result.error) return `${result.error.message}${log}`;
  if (result.status !== 0) return `${reasonFrom(output)}${log}`;
  try {
    const addon = createRequire(import.meta.url)(addonPath);
    const missing = required.filter((name) => typeof addon[name] !== 'function');
    if (missing.length > 0) return `built addon lacks ${missing.join(', ')}`;
  } catch (error) {
    return `built addon does not load: ${String(error?.message ?? error).split('\n')[0]}`;
  }
  return undefined;
}

try {
  const reason = build();
  console.log(
    reason === undefined
      ? 'crucible: native addon built (copy-on-write memory images)'
      : `crucible: native addon unavailable: ${reason}; using the TypeScript twin`,
  );
} catch (error) {
  console.log(`crucible: native addon unavailable: ${error?.message ?? error}; using the TypeScript twin`);
}
process.exitCode = 0;
