import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { TrackerDataError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { schemaProblems } from '../trackers/schema-problems.js';
import generated from './template-tags-validator.generated.js';

const validate = generated as unknown as ValidateFunction;

/** One entry of rules/templates/*.json (rules/schema/template-tags.schema.json). */
export interface TemplateTag {
  id: string;
  system: string;
  kind: 'open-pixel' | 'link-wrap';
  where: 'expression' | 'comment' | 'text' | 'url';
  pattern: string;
  docs?: string;
  provenance: Array<{ type: string; ref: string; read: string }>;
  examples: { match: string[]; noMatch: string[] };
}

/** A tag with its expression compiled. */
export interface CompiledTag extends TemplateTag {
  re: RegExp;
}

export const TEMPLATE_TAGS_FILE = path.join(PACKAGE_ROOT, 'rules', 'templates', 'template-tags.json');

/**
 * The template tags, checked against their schema and compiled, one line per problem (exit 2).
 * That each expression runs in linear time on attacker-written templates is proven by
 * test/check-template-tags.test.ts with recheck, not on every start (recheck's start costs more
 * than a whole check of one template).
 */
export function loadTemplateTags(file = TEMPLATE_TAGS_FILE): CompiledTag[] {
  const data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  const name = path.relative(process.cwd(), file) || file;
  if (!validate(data)) throw new TrackerDataError(schemaProblems(validate.errors ?? [], data).map((p) => `${name}: ${p}`));
  const problems: string[] = [];
  const tags = (data as { tags: TemplateTag[] }).tags.map((tag, i) => {
    let re: RegExp;
    try {
      re = new RegExp(tag.pattern);
    } catch (error) {
      problems.push(`${name}: tags[${i}] (${tag.id}).pattern: not a valid regular expression: ${(error as Error).message}`);
      re = /$^/;
    }
    return { ...tag, re };
  });
  if (problems.length) throw new TrackerDataError(problems);
  return tags;
}
