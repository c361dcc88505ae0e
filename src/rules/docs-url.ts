import type { RuleMeta } from './rule.js';

/**
 * Where the README is read online. The one place the project's address is written: SARIF help
 * URIs and `informationUri` point here. (package.json has no repository field yet; change this
 * line when the project's public address is known.)
 */
export const README_URL = 'https://github.com/pixelaudit/pixelaudit/blob/main/README.md';

/** The heading of a rule in the README's rule reference (`#### PA001 known-tracker`). */
export function ruleHeading(meta: Pick<RuleMeta, 'id' | 'alias'>): string {
  return `${meta.id} ${meta.alias}`;
}

/** The anchor GitHub gives that heading: lower case, spaces as dashes (ids and aliases hold only letters, digits and dashes). */
export function ruleAnchor(meta: Pick<RuleMeta, 'id' | 'alias'>): string {
  return ruleHeading(meta).toLowerCase().replace(/ /g, '-');
}

export function ruleHelpUri(meta: Pick<RuleMeta, 'id' | 'alias'>): string {
  return `${README_URL}#${ruleAnchor(meta)}`;
}
