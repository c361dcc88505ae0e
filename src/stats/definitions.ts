import type { MessageResult } from '../types.js';

/** The prevalence definitions the published figures differ by, as predicates over one result. */
export const DEFINITIONS = [
  { id: 'D1', name: 'named vendor', text: 'a tracking resource of a named vendor (rules/trackers)', test: (r: MessageResult) => r.findings.some((f) => f.tracking && Boolean(f.vendor)) },
  {
    id: 'D2',
    name: 'D1 or invisible image',
    text: 'D1, or any invisible remote image with or without an identifier (HEY\'s "anything 1x1")',
    test: (r: MessageResult) => r.findings.some((f) => (f.tracking && Boolean(f.vendor)) || f.ruleId === 'PA002' || f.ruleId === 'PA005'),
  },
  { id: 'D3', name: 'pixelaudit verdict', text: "pixelaudit's tracked verdict (the labelling guide's definition)", test: (r: MessageResult) => r.tracked },
  { id: 'D4', name: 'third-party resource', text: "any remote resource on a third-party host (comparable to Englehardt et al.'s 85%)", test: (r: MessageResult) => r.thirdParty },
  {
    id: 'D5',
    name: 'address to third party',
    text: "the recipient's address or its hash sent to a host the sender does not run (their 29%)",
    test: (r: MessageResult) => r.findings.some((f) => f.category === 'address-leak' && f.party !== 'first-party'),
  },
] as const;

/** The denominators, each a predicate over scanned results. */
export const DENOMINATORS = [
  { id: 'all', text: 'all scanned messages', test: (_r: MessageResult) => true },
  { id: 'non-spam', text: "not spam (no Junk folder, Spam label or X-Spam-Flag: YES); HEY's", test: (r: MessageResult) => !r.spam },
  { id: 'html', text: 'messages with an HTML part', test: (r: MessageResult) => r.html },
  { id: 'bulk', text: "List-Unsubscribe, List-Id or Precedence: bulk/list; Englehardt et al.'s", test: (r: MessageResult) => r.bulk },
  { id: 'person-to-person', text: "none of the bulk markers and not transactional; OMC's", test: (r: MessageResult) => !r.bulk && !r.transactional },
  { id: 'transactional', text: 'approximate: no-reply or order/account senders and subjects', test: (r: MessageResult) => r.transactional },
] as const;

/** Published figures with the definition and denominator each used, for the comparison view. */
export const STUDIES = [
  { study: 'HEY for the BBC, 2021', share: 2 / 3, definition: 'D2', denominator: 'non-spam', note: 'two-thirds of mail to personal accounts, spam excluded' },
  { study: 'Englehardt et al., PETS 2018', share: 0.7, definition: 'D3', denominator: 'bulk', note: '70% of mailing-list mail contains trackers' },
  { study: 'Englehardt et al., PETS 2018', share: 0.85, definition: 'D4', denominator: 'bulk', note: '85% contain third-party content' },
  { study: 'Englehardt et al., PETS 2018', share: 0.29, definition: 'D5', denominator: 'bulk', note: '29% leak the address to third parties' },
  { study: 'OMC, 2017', share: 0.406, definition: 'D3', denominator: 'all', note: '40.6% of all mail tracked' },
  { study: 'OMC, 2017', share: 0.16, definition: 'D3', denominator: 'person-to-person', note: '16% of person-to-person mail tracked' },
  { study: 'Hu et al., IEEE S&P 2019', share: 0.24, definition: 'D3', denominator: 'all', note: 'over 24% of emails leak information through tracking' },
] as const;
