import { RULES } from '../../rules/index.js';
import type { RuleMeta } from '../../rules/rule.js';

export { CHECK_RULES } from '../../rules/index.js';

/** Every rule `check` can report, by id and by alias: what the configuration and suppressions may name. */
export function allCheckRules(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}
