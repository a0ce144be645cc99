import { readFileSync } from 'node:fs';
import { loadRules, scorePair } from '../server/matching';
const domain = process.argv[2] ?? 'item';
const corpus = JSON.parse(readFileSync(`test/fixtures/match-eval/${domain}.json`, 'utf8'));
const rules = await loadRules(domain);
const byEntity = new Map<string, any[]>();
for (const r of corpus.records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
const tally: Record<string, number> = {};
const misses: string[] = [];
for (const group of byEntity.values()) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
  const e = scorePair({ a: { ...group[i].record, sourceId: group[i].id }, b: { ...group[j].record, sourceId: group[j].id }, rules });
  const key = `${e.band}${e.hardRule ? ':' + e.hardRule.name : ''}`;
  tally[key] = (tally[key] ?? 0) + 1;
  if (e.band === 'no-match') misses.push(`${e.score.toFixed(3)} ${key}\n  A ${JSON.stringify(group[i].record).slice(0, 220)}\n  B ${JSON.stringify(group[j].record).slice(0, 220)}\n  ${e.comparators.filter((c) => c.outcome !== 'missing').map((c) => `${c.name}=${c.outcome}/${c.score}/${(c as any).level}/${(c as any).matchWeight?.toFixed?.(1)}`).join(' ')}`);
}
console.log(tally);
console.log(misses.slice(0, Number(process.argv[3] ?? 25)).join('\n'));
