import type { FetchMessageObject, ImapFlow, Logger } from 'imapflow';
import { analyseMessage, failedResult } from '../engine/analyse-message.js';
import type { Detector } from '../engine/detector.js';
import { Aggregate } from '../report/aggregate.js';
import type { ImapStats, Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import type { ResultCache } from './cache.js';
import { connect, type ImapTarget } from './connect.js';
import { describeImapError, ImapError } from './errors.js';
import { chooseMailboxes, type MailboxChoice } from './mailboxes.js';
import { rebuildMessage } from './rebuild-message.js';
import { htmlParts, type HtmlPart } from './structure.js';

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
  maxReconnects: number;
  /** First reconnect delay; doubled for each further attempt. */
  backoffMs: number;
  onResult: (result: MessageResult) => void | Promise<void>;
  onProgress?: (progress: { mailbox: string; done: number; total: number }) => void;
}

interface Candidate {
  uid: number;
  size: number;
  parts: HtmlPart[];
}

/** Scans mailboxes read-only (EXAMINE, BODY.PEEK), reconnecting with backoff and resuming after the last UID done. */
export async function scanImap(options: ImapScanOptions): Promise<Summary> {
  const summary = new Aggregate(options.detector.vendors);
  const stats: ImapStats = { mailboxes: [], bytesReceived: 0, bytesSent: 0, reconnects: 0, fromCache: 0, mode: options.fullSource ? 'full-source' : 'html-parts' };
  let client = await connect(options.target, options.logger);
  const retire = (c: ImapFlow): void => {
    const s = c.stats();
    stats.bytesReceived += s.received;
    stats.bytesSent += s.sent;
  };
  try {
    stats.mailboxes = chooseMailboxes(await client.list(), options.mailboxes);
    for (const mailbox of stats.mailboxes) {
      const done = new Set<number>();
      let attempts = 0;
      for (;;) {
        try {
          await scanMailbox(client, mailbox, done, options, summary, stats);
          break;
        } catch (error) {
          if (error instanceof ImapError || client.usable || attempts >= options.maxReconnects) {
            throw error instanceof ImapError ? error : describeImapError(error, options.target.host, options.target.port);
          }
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

async function scanMailbox(
  client: ImapFlow,
  mailbox: string,
  done: Set<number>,
  options: ImapScanOptions,
  summary: Aggregate,
  stats: ImapStats,
): Promise<void> {
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
      done.add(uid);
      summary.add(result);
      if (fromCache) stats.fromCache++;
      else if (result.error === null) options.cache?.put(mailbox, uidValidity, uid, result);
      await options.onResult(result);
      options.onProgress?.({ mailbox, done: done.size, total: uids.length });
    };
    const todo: number[] = [];
    for (const uid of uids) {
      if (done.has(uid)) continue;
      const cached = options.cache?.get(mailbox, uidValidity, uid);
      if (cached) await emit(uid, { ...cached, source: source(uid) }, true);
      else todo.push(uid);
    }
    for (let i = 0; i < todo.length; i += options.batchSize) {
      const batch = todo.slice(i, i + options.batchSize);
      const results = await scanBatch(client, batch, source, options);
      for (const uid of batch) await emit(uid, results.get(uid) ?? failedResult(source(uid), 'the server returned nothing for this message (deleted meanwhile?)'), false);
    }
  } finally {
    lock.release();
  }
}

/** One UID batch: a structure pass, then only what the rules need, grouped so each FETCH asks the same parts. */
async function scanBatch(client: ImapFlow, uids: number[], source: (uid: number) => string, options: ImapScanOptions): Promise<Map<number, MessageResult>> {
  const results = new Map<number, MessageResult>();
  const candidates: Candidate[] = [];
  for await (const msg of client.fetch(uids.join(','), { uid: true, size: true, bodyStructure: true }, { uid: true })) {
    candidates.push({ uid: msg.uid, size: msg.size ?? 0, parts: htmlParts(msg.bodyStructure) });
  }
  const wanted: Candidate[] = [];
  for (const c of candidates) {
    if (c.size > options.maxMessageBytes) {
      results.set(c.uid, failedResult(source(c.uid), `message is ${(c.size / 1048576).toFixed(1)} MB, over the ${(options.maxMessageBytes / 1048576).toFixed(1)} MB limit (raise it with --max-message-size)`));
    } else wanted.push(c);
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of wanted) {
    const key = options.fullSource ? 'source' : c.parts.map((p) => p.part).join(',');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    const query = options.fullSource ? { uid: true, source: true } : { uid: true, headers: true, ...(key ? { bodyParts: key.split(',') } : {}) };
    const byUid = new Map(group.map((c) => [c.uid, c]));
    for await (const msg of client.fetch(group.map((c) => c.uid).join(','), query, { uid: true })) {
      const c = byUid.get(msg.uid);
      if (!c) continue;
      const bytes = options.fullSource ? msg.source : rebuild(msg, c.parts);
      results.set(c.uid, bytes ? await analyseMessage(source(c.uid), bytes, options.detector, { timeoutMs: options.messageTimeoutMs }) : failedResult(source(c.uid), 'the server sent no content for this message'));
    }
  }
  return results;
}

function rebuild(msg: FetchMessageObject, parts: HtmlPart[]): Buffer | undefined {
  if (!msg.headers) return undefined;
  return rebuildMessage(
    msg.headers,
    parts.map((p) => ({ charset: p.charset, encoding: p.encoding, body: msg.bodyParts?.get(p.part) ?? Buffer.alloc(0) })),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
