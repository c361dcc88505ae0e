import type { ParsedMessage } from '../mail/parse-message.js';

const SPAM_FOLDER = /(^|[/\\.])(junk|spam|junk e-?mail|bulk mail)([/\\;#]|$)/i;
const TRANSACTIONAL_SENDER = /^(no-?reply|do-?not-?reply|notifications?|alerts?|orders?|receipts?|billing|invoices?|accounts?|security|support|service|tracking|shipping|delivery|confirm(ation)?s?|auto-?confirm|mailer-daemon|postmaster)[@+._-]/i;
const TRANSACTIONAL_SUBJECT = /\b(order|receipt|invoice|payment|shipped|shipping|delivery|delivered|out for delivery|parcel|package|password|verify|verification|confirm|booking|reservation|statement|security alert|sign-?in|one-time|code)\b/i;

/** Denominator traits of a message, as the published studies define them. */
export function messageTraits(parsed: ParsedMessage, source: string): { bulk: boolean; spam: boolean; transactional: boolean } {
  const precedence = parsed.header('precedence').join(' ');
  const bulk = parsed.header('list-unsubscribe').length > 0 || parsed.header('list-id').length > 0 || /\b(bulk|list|junk)\b/i.test(precedence);
  const spam = parsed.header('x-spam-flag').some((v) => /^yes\b/i.test(v)) || parsed.header('x-gmail-labels').some((v) => /(^|,)\s*spam\s*(,|$)/i.test(v)) || SPAM_FOLDER.test(source.replace(/^imap:\/\/[^/]*\//, '/').replace(/%2F/gi, '/'));
  const transactional = !bulk && (TRANSACTIONAL_SENDER.test(parsed.fromAddress ?? '') || TRANSACTIONAL_SUBJECT.test(parsed.subject ?? ''));
  return { bulk, spam, transactional };
}
