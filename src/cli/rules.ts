import { DIMENSIONS, type Lang } from '../model.js';
import { packRefs } from '../pack/config.js';
import { resolvePacks } from '../pack/resolve.js';
import { t } from './texts.js';
import type { Io } from './check.js';

/** `dqc rules`: the resolved pack's rules by dimension, with both languages' descriptions. */
export function rulesCommand(packs: string[], lang: Lang, io: Io): number {
  const pack = resolvePacks(packRefs(packs));
  const out: string[] = [`${pack.packs.map((p) => p.name).join(' + ')}: ${pack.rules.length} ${t(lang, 'cli.rules.count')}`, ''];
  for (const dimension of DIMENSIONS) {
    const rules = pack.rules.filter((rule) => rule.dimension === dimension);
    if (rules.length === 0) continue;
    out.push(t(lang, `dimension.${dimension}`));
    for (const rule of rules) {
      const columns = rule.columns.length > 0 ? ` (${rule.columns.join(', ')})` : '';
      out.push(`  ${rule.id}  [${rule.check}]${columns}  ${t(lang, `severity.${rule.severity}`)}`);
      out.push(`      en: ${rule.description?.en ?? ''}`);
      out.push(`      vi: ${rule.description?.vi ?? ''}`);
    }
    out.push('');
  }
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}
