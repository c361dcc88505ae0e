import type { ImapFlow, Logger } from 'imapflow';
import { failedResult } from '../engine/analyse-message.js';
import type { Detector } from '../engine/detector.js';
import { Aggregate } from '../report/aggregate.js';
import type { ImapStats, Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import type { ResultCache } from './cache.js';
import { connect, type ImapTarget } from './connect.js';
import { describeImapError, fromConversation, ImapError } from './errors.js';
import { chooseMailboxes, type MailboxChoice } from './mailboxes.js';
import { scanBatch } from './scan-batch.js';

export interface ImapScanOptions {
  target: ImapTarget;
  mailboxes: MailboxChoice;
  since?: Date;
  before?: Date;
  /** Scan at most this many messages per mailbox, the newest. */
  limit?: number;
  /** Fetch whole messages instead of only the HTML parts and headers. */
  fullSource: boolean;
  batchSize: number;
  detector: Detector;
  maxMessageBytes: number;
  /** Each message's time budget in milliseconds (default DEFAULT_MESSAGE_TIMEOUT_MS). */
  messageTimeoutMs?: number;
  cache?: ResultCache;
  logger: Logger | false;
  /** Reconnects in a row without progress before the run gives up. */
  maxReconnects: number;
  /** First reconnect delay; doubled for each further attempt. */
  backoffMs: number;
  onResult: (result: MessageResult) => void | Promise<void>;
  onProgress?: (progress: { mailbox: string; done: number; total: number }) => void;
}

/** How far one mailbox got, kept across reconnects. */
interface MailboxProgress {
  done: Set<number>;
  /** The UIDs being fetched right now: if the connection drops, one of them may be the cause. */
  inFlight: number[];
  /** In flight at a drop: fetched one at a time after the reconnect, to find the one that breaks the connection. */
  suspects: Set<number>;
  /** In flight alone at a second drop: reported failed and not fetched again, so one message cannot stop the run. */
  poisoned: Set<number>;
}

/** Scans mailboxes read-only (EXAMINE, BODY.PEEK), reconnecting with backoff and resuming after the last UID done. */
export async function scanImap(options: ImapScanOptions): Promise<Summary> {
  const summary = new Aggregate(options.detector.vendors);
  if (!options.detector.redact) summary.markUnredacted();
  const stats: ImapStats = { mailboxes: [], bytesReceived: 0, bytesSent: 0, reconnects: 0, fromCache: 0, mode: options.fullSource ? 'full-source' : 'html-parts' };
  let client = await connect(options.target, options.logger);
  const retire = (c: ImapFlow): void => {
    const s = c.stats();
    stats.bytesReceived += s.received;
    stats.bytesSent += s.sent;
  };
  try {
    const list = await client.list();
    stats.mailboxes = chooseMailboxes(list, options.mailboxes);
    options.cache?.forgetMailboxesExcept(list.map((b) => b.path));
    for (const mailbox of stats.mailboxes) {
      const progress: MailboxProgress = { done: new Set(), inFlight: [], suspects: new Set(), poisoned: new Set() };
      let attempts = 0;
      for (;;) {
        const before = progress.done.size;
        try {
          await scanMailbox(client, mailbox, progress, options, summary, stats);
          break;
        } catch (error) {
          if (error instanceof ImapError) throw error;
          if (client.usable) {
            // The connection is fine: a refused command is the server's answer, anything else is
            // pixelaudit's own failure (an output that cannot be written, a bug), shown as it is.
            if (fromConversation(error)) throw describeImapError(error, options.target.host, options.target.port);
            throw error;
          }
          const poisonedBefore = progress.poisoned.size;
          narrow(progress);
          if (progress.done.size > before || progress.poisoned.size > poisonedBefore) attempts = 0;
          if (attempts >= options.maxReconnects) throw describeImapError(error, options.target.host, options.target.port);
          attempts++;
          stats.reconnects++;
          retire(client);
          client.close();
          await sleep(options.backoffMs * 2 ** (attempts - 1));
          client = await connect(options.target, options.logger);
        }
      }
    }
  } finally {
    retire(client);
    await client.logout().catch(() => client.close());
  }
  return { ...summary.build(), imap: stats };
}

/** After a drop: a batch in flight becomes suspects; a suspect in flight alone is the message that breaks the connection. */
function narrow(progress: MailboxProgress): void {
  const [only, ...others] = progress.inFlight;
  if (only !== undefined && others.length === 0 && progress.suspects.has(only)) {
    progress.suspects.delete(only);
    progress.poisoned.add(only);
  } else {
    for (const uid of progress.inFlight) progress.suspects.add(uid);
  }
  progress.inFlight = [];
}

async function scanMailbox(client: ImapFlow, mailbox: string, progress: MailboxProgress, options: ImapScanOptions, summary: Aggregate, stats: ImapStats): Promise<void> {
  let lock;
  try {
    // EXAMINE: the server itself then refuses any change to flags or messages.
    lock = await client.getMailboxLock(mailbox, { readOnly: true });
  } catch (error) {
    if (!client.usable) throw error;
    throw new ImapError(`cannot open mailbox "${mailbox}": ${(error as Error).message}`);
  }
  try {
    const box = client.mailbox;
    const uidValidity = box ? String(box.uidValidity) : '0';
    const criteria = options.since || options.before ? { ...(options.since ? { since: options.since } : {}), ...(options.before ? { before: options.before } : {}) } : { all: true };
    let uids = ((await client.search(criteria, { uid: true })) || []).sort((a, b) => a - b);
    if (options.limit !== undefined) uids = uids.slice(-options.limit);
    const source = (uid: number): string => {
      const who = options.detector.redact ? '' : `${encodeURIComponent(options.target.user)}@`;
      return `imap://${who}${options.target.host}:${options.target.port}/${encodeURIComponent(mailbox)};UIDVALIDITY=${uidValidity}/;UID=${uid}`;
    };
    const emit = async (uid: number, result: MessageResult, fromCache: boolean): Promise<void> => {
      progress.done.add(uid);
      progress.suspects.delete(uid);
      summary.add(result);
      if (fromCache) stats.fromCache++;
      else if (result.error === null) options.cache?.put(mailbox, uidValidity, uid, result);
      await options.onResult(result);
      options.onProgress?.({ mailbox, done: progress.done.size, total: uids.length });
    };
    const cache = options.cache;
    const poisonedResult = (uid: number) => failedResult(source(uid), 'the connection dropped twice while this message was being fetched; it was left out so the scan could go on');
    const todo = uids.filter((uid) => !progress.done.has(uid) && !progress.poisoned.has(uid) && !cache?.has(mailbox, uidValidity, uid));
    // Results go out in UID order, cached or not, so a rerun's report lists messages as the first run did.
    let next = 0;
    const unreadable: number[] = [];
    const flush = async (upTo: number, fetched: Map<number, MessageResult>): Promise<void> => {
      for (; next < uids.length && uids[next] <= upTo; next++) {
        const uid = uids[next];
        if (progress.done.has(uid)) continue;
        const got = fetched.get(uid);
        if (got) await emit(uid, got, false);
        else if (progress.poisoned.has(uid)) await emit(uid, poisonedResult(uid), false);
        else {
          const cached = cache?.get(mailbox, uidValidity, uid);
          if (cached) await emit(uid, { ...cached, source: source(uid) }, true);
          // Indexed but its line cannot be read (or not indexed at all): fetched at the end.
          else unreadable.push(uid);
        }
      }
    };
    const fetchAll = async (list: number[], each: (results: Map<number, MessageResult>, batch: number[]) => Promise<void>): Promise<void> => {
      for (let i = 0; i < list.length; ) {
        // A suspect goes alone; the others go in batches.
        let end = i + 1;
        if (!progress.suspects.has(list[i])) while (end < list.length && end - i < options.batchSize && !progress.suspects.has(list[end])) end++;
        const batch = list.slice(i, end);
        i = end;
        progress.inFlight = batch;
        const results = await scanBatch(client, batch, source, options);
        progress.inFlight = [];
        for (const uid of batch) if (!results.has(uid)) results.set(uid, failedResult(source(uid), 'the server returned nothing for this message (deleted meanwhile?)'));
        await each(results, batch);
      }
    };
    await fetchAll(todo, (results, batch) => flush(batch[batch.length - 1], results));
    await flush(Infinity, new Map());
    await fetchAll(unreadable, async (results, batch) => {
      for (const uid of batch) if (!progress.done.has(uid)) await emit(uid, results.get(uid)!, false);
    });
    // Only a search of the whole mailbox knows which messages are gone.
    if (criteria.all && options.limit === undefined) options.cache?.retainOnly(mailbox, uidValidity, uids);
  } finally {
    lock.release();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
