// report.md of a finding: what differed and where, the seed, the config, the calls, and the
// commands that replay and reduce it. Plain text for people; finding.json is for tools.

import { configDiff } from '../generators/configs.js';
import type { Config } from '../../runtime/config/knobs.js';
import type { CallsJson } from '../fuzz/caseJson.js';
import type { FindingMeta } from './finding.js';

/** The knobs off their defaults, the hidden fault knob included (configDiff leaves it out). */
function knobsText(c: Config): string {
  return `\`${JSON.stringify(configDiff(c))}\`${c.faultInjection !== 'none' ? ` + faultInjection ${c.faultInjection}` : ''}`;
}

function callLine(c: CallsJson['calls'][number], i: number): string {
  return `${i}. \`${c.name}(${c.args.map((a) => `${a.type} ${a.value === null ? 'null' : String(a.value)}`).join(', ')})\``;
}

/** The report of the finding saved in `dir`. */
export function renderReport(dir: string, meta: FindingMeta, config: Config, calls: CallsJson, min?: { config: Config; calls: CallsJson }): string {
  const f = meta.failure;
  const where = f.call === undefined ? '' : f.call < 0 ? ' during instantiation' : ` at call ${f.call}`;
  const between = f.engines.length > 0 ? ` between ${f.engines.join(' and ')}` : '';
  const overlay = meta.overlay && Object.keys(meta.overlay).length > 0 ? ` --config '${JSON.stringify(meta.overlay)}'` : '';
  const lines = [
    `# ${f.kind}${between}${where}`,
    '',
    `- signature: \`${meta.signature}\` (${f.kind}, [${f.engines.join(', ')}], \`${f.key}\`)`,
    `- what differed: ${f.detail}`,
    `- engines run: ${meta.engines.join(', ')}`,
    meta.seed !== undefined
      ? `- seed ${meta.seed}, case ${meta.index} (regenerate: \`npx crucible fuzz --seed ${meta.seed} --runs ${meta.index! + 1}${overlay}\`)`
      : '- not from a seeded run',
    `- found: ${meta.found}`,
    `- config (knobs off their defaults): ${knobsText(config)}`,
    `- fuel per call: ${calls.fuel}${calls.needsFuel ? ' (the module needs fuel to terminate)' : ''}${calls.budget ? `; call budget \`${calls.budget.name}\` reset to ${calls.budget.initial} before each call` : ''}`,
    '',
    '## Replay',
    '',
    '```sh',
    `npx crucible repro ${dir}          # exit 1 while it still fails, 0 once fixed (git bisect run)`,
    `npx crucible repro ${dir} --min    # the minimized case`,
    `npx crucible reduce ${dir}         # minimize again`,
    '```',
    '',
    `Files: module.wasm / module.wat, config.json, calls.json (f32/f64 as bits, i64 as strings), finding.json.`,
    '',
    '## Calls',
    '',
    ...calls.calls.map(callLine),
  ];
  const m = meta.minimized;
  if (m !== undefined && min !== undefined) {
    lines.push(
      '',
      '## Minimized',
      '',
      `min.wasm / min.wat (${m.bytes} bytes), min-config.json, min-calls.json (${m.calls} call${m.calls === 1 ? '' : 's'})${m.timedOut ? ' — stopped by the time budget' : m.outOfCandidates === true ? ' — stopped by the candidate budget' : ''}.`,
      `Knobs reset to defaults: ${m.knobsReset.length === 0 ? 'none' : m.knobsReset.join(', ')}; still set: ${knobsText(min.config)}.`,
      '',
      '| stage | tried | kept | ms |',
      '|---|---|---|---|',
      ...Object.entries(m.stages).map(([s, x]) => `| ${s} | ${x.tried} | ${x.kept} | ${x.ms} |`),
      '',
      ...min.calls.calls.map(callLine),
    );
  }
  return lines.join('\n') + '\n';
}
