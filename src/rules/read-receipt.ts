import type { MessageFacts, Rule } from './rule.js';

/** PA008: the message asks the mail client to confirm that it was read. */
export const readReceipt: Rule<MessageFacts> = {
  meta: {
    id: 'PA008',
    alias: 'read-receipt-request',
    category: 'read-receipt',
    confidence: 'high',
    appliesTo: 'message',
    description: 'The message requests a read receipt (Disposition-Notification-To, Return-Receipt-To, X-Confirm-Reading-To).',
    docs: 'A read-receipt request asks the client to send a notification when the message is displayed. Most clients ask ' + 'first, so it is reported on its own and does not make a message "tracked".',
    messages: {
      receipt: 'read receipt requested by {header}',
    },
  },
  check(facts) {
    const first = facts.receiptHeaders[0];
    if (!first) return undefined;
    return { messageKey: 'receipt', tracking: false, data: { header: facts.receiptHeaders.map((h) => h.name).join(', ') } };
  },
};
