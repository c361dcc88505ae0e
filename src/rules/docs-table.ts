import { ruleHeading } from './docs-url.js';
import { RULES } from './index.js';

/** The README's rules table, generated from rule metadata so the docs cannot drift. */
export function rulesMarkdownTable(): string {
  const rows = [...RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map(({ meta }) => `| ${meta.id} | \`${meta.alias}\` | ${meta.category} | ${meta.confidence} | ${meta.description} |`);
  return ['| id | alias | category | confidence | what it reports |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The README's rule reference: one heading per rule (the anchor SARIF help URIs point at), its
 * docs and its message templates, generated from rule metadata like the table.
 */
export function ruleReferenceMarkdown(): string {
  return [...RULES]
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) =>
      [
        `#### ${ruleHeading(meta)}`,
        '',
        `${meta.description} ${meta.docs}`,
        '',
        `Category \`${meta.category}\`, confidence ${meta.confidence}, looks at each ${meta.appliesTo === 'message' ? "message's headers" : meta.appliesTo}. Messages: ${Object.entries(meta.messages)
          .map(([key, template]) => `\`${key}\` "${template}"`)
          .join('; ')}.`,
      ].join('\n'),
    )
    .join('\n\n');
}
