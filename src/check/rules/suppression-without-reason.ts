import type { RuleMeta } from '../../rules/rule.js';

/** PA015: a pixelaudit suppression comment without its required reason, or naming no rule. */
export const suppressionWithoutReason: { meta: RuleMeta } = {
  meta: {
    id: 'PA015',
    alias: 'suppression-without-reason',
    category: 'config',
    confidence: 'high',
    appliesTo: 'resource',
    description: 'A `<!-- pixelaudit-disable-next-element RULE -- reason -->` comment with no reason or no rule: it suppresses nothing.',
    docs: 'A suppression is a reviewed decision, so it must say why (`-- our own open counter, approved in #123`) and which rules it ' + 'silences. One without is reported itself and does not suppress.',
    messages: {
      'no-reason': 'suppression comment has no reason after "--"; it suppresses nothing',
      'no-rule': 'suppression comment names no rule; it suppresses nothing',
    },
  },
};
