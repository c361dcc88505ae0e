import type { ListResponse } from 'imapflow';
import { ImapError } from './errors.js';

export interface MailboxChoice {
  /** Mailboxes named with --mailbox; empty for the default. */
  names: string[];
  all: boolean;
  includeSpam: boolean;
  includeTrash: boolean;
}

// When a server does not flag its special folders (RFC 6154), fall back to their usual names.
const SPAM_NAME = /^(junk|junk e-?mail|spam|bulk mail|spam mail|courrier ind[eé]sirable|spamverdacht)$/i;
const TRASH_NAME = /^(trash|deleted items|deleted messages|bin|papierkorb|corbeille)$/i;

export function isSpam(box: ListResponse): boolean {
  return box.specialUse === '\\Junk' || SPAM_NAME.test(box.name);
}

export function isTrash(box: ListResponse): boolean {
  return box.specialUse === '\\Trash' || TRASH_NAME.test(box.name);
}

/** The mailboxes to scan, in server order; the published figures exclude spam, so Junk and Trash are left out unless asked for. */
export function chooseMailboxes(list: ListResponse[], choice: MailboxChoice): string[] {
  if (choice.names.length) {
    return choice.names.map((name) => {
      const found = list.find((b) => b.path === name) ?? list.find((b) => b.path.toLowerCase() === name.toLowerCase());
      if (!found)
        throw new ImapError(
          `mailbox "${name}" does not exist`,
          `run with --all-mailboxes to scan every folder, or pick one of: ${list
            .map((b) => b.path)
            .slice(0, 12)
            .join(', ')}`,
        );
      return found.path;
    });
  }
  if (!choice.all) return ['INBOX'];
  return list
    .filter((b) => !b.flags.has('\\Noselect') && !b.flags.has('\\NonExistent'))
    .filter((b) => choice.includeSpam || !isSpam(b))
    .filter((b) => choice.includeTrash || !isTrash(b))
    .map((b) => b.path);
}
