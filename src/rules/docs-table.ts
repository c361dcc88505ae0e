import { RULES } from './index.js';

/** The README's rules table, generated from rule metadata so the docs cannot drift. */
export function rulesMarkdownTable(): string {
  const rows = [...RULES]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) => `| ${meta.id} | \`${meta.alias}\` | ${meta.category} | ${meta.confidence} | ${meta.description} |`);
  return ['| id | alias | category | confidence | what it reports |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
