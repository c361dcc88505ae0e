import type { FetchMessageObject, FetchQueryObject, ImapFlow } from 'imapflow';
import { analyseMessage, failedResult } from '../engine/analyse-message.js';
import { reasonOf } from '../errors.js';
import type { MessageResult } from '../types.js';
import { isServerAnswer } from './errors.js';
import { isPlainCharset, rebuildMessage } from './rebuild-message.js';
import type { ImapScanOptions } from './scan-imap.js';
import { htmlParts, MAX_STRUCTURE_DEPTH, type HtmlPart } from './structure.js';

interface Candidate {
  uid: number;
  size: number;
  parts: HtmlPart[];
  /** The structure nests deeper than it is walked. */
  tooDeep: boolean;
}

/**
 * One UID batch: a structure pass, then only what the rules need, grouped so each FETCH asks the
 * same parts. Whatever goes wrong with one message (its structure, its rebuild, its analysis, a
 * server that refuses to FETCH it) becomes that message's failed result; only a lost connection
 * or a failure outside the messages leaves this function as an exception.
 */
export async function scanBatch(client: ImapFlow, uids: number[], source: (uid: number) => string, options: ImapScanOptions): Promise<Map<number, MessageResult>> {
  const results = new Map<number, MessageResult>();
  const fail = (uid: number, reason: string): void => void results.set(uid, failedResult(source(uid), reason));
  const candidates: Candidate[] = [];
  await fetchEach(client, uids, { uid: true, size: true, bodyStructure: true }, fail, (msg) => {
    try {
      candidates.push({ uid: msg.uid, size: msg.size ?? 0, ...htmlParts(msg.bodyStructure) });
    } catch (error) {
      fail(msg.uid, `its structure cannot be read: ${reasonOf(error)}`);
    }
  });
  const wanted: Candidate[] = [];
  for (const c of candidates) {
    if (c.size > options.maxMessageBytes) {
      fail(c.uid, `message is ${(c.size / 1048576).toFixed(1)} MB, over the ${(options.maxMessageBytes / 1048576).toFixed(1)} MB limit (raise it with --max-message-size)`);
    } else wanted.push(c);
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of wanted) {
    const key = options.fullSource ? 'source' : c.parts.map((p) => p.part).join(',');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    const query: FetchQueryObject = options.fullSource ? { uid: true, source: true } : { uid: true, headers: true, ...(key ? { bodyParts: key.split(',') } : {}) };
    const byUid = new Map(group.map((c) => [c.uid, c]));
    await fetchEach(
      client,
      group.map((c) => c.uid),
      query,
      fail,
      async (msg) => {
        const c = byUid.get(msg.uid);
        if (!c) return;
        results.set(c.uid, await analyseOne(msg, c, source(c.uid), options));
      },
    );
  }
  return results;
}

async function analyseOne(msg: FetchMessageObject, c: Candidate, source: string, options: ImapScanOptions): Promise<MessageResult> {
  let bytes: Buffer | undefined;
  try {
    bytes = options.fullSource ? msg.source : rebuild(msg, c.parts);
  } catch (error) {
    return failedResult(source, `it cannot be put together from its parts: ${reasonOf(error)}`);
  }
  if (!bytes) return failedResult(source, 'the server sent no content for this message');
  try {
    const result = await analyseMessage(source, bytes, options.detector, { timeoutMs: options.messageTimeoutMs });
    if (options.fullSource) return result;
    const warnings = [
      ...(c.tooDeep ? [`parts nested deeper than ${MAX_STRUCTURE_DEPTH} levels were not read`] : []),
      ...c.parts.filter((p) => p.charset && !isPlainCharset(p.charset)).map((p) => `charset ${JSON.stringify(p.charset!.slice(0, 40))} of part ${p.part} is not a charset name; read as the default`),
    ];
    return warnings.length ? { ...result, warnings: [...result.warnings, ...warnings] } : result;
  } catch (error) {
    // analyseMessage is meant never to throw; should one stage still do so, it is this message's failure.
    return failedResult(source, `it cannot be analysed: ${reasonOf(error)}`);
  }
}

/**
 * FETCH for a UID set; when the server refuses the command (NO/BAD, the connection still up),
 * each UID not yet answered is asked for alone, so one message the server cannot return fails
 * alone. A lost connection is thrown: the caller reconnects.
 */
async function fetchEach(client: ImapFlow, uids: number[], query: FetchQueryObject, fail: (uid: number, reason: string) => void, each: (msg: FetchMessageObject) => void | Promise<void>): Promise<void> {
  const answered = new Set<number>();
  try {
    for await (const msg of client.fetch(uids.join(','), query, { uid: true })) {
      if (answered.has(msg.uid)) continue;
      answered.add(msg.uid);
      await each(msg);
    }
  } catch (error) {
    if (!client.usable || !isServerAnswer(error)) throw error;
    const rest = uids.filter((uid) => !answered.has(uid));
    if (uids.length === 1) {
      const e = error as { responseStatus?: string; responseText?: string };
      for (const uid of rest) fail(uid, `the server refused to return this message (${e.responseStatus}${e.responseText ? ` ${e.responseText}` : ''})`);
      return;
    }
    for (const uid of rest) await fetchEach(client, [uid], query, fail, each);
  }
}

function rebuild(msg: FetchMessageObject, parts: HtmlPart[]): Buffer | undefined {
  if (!msg.headers) return undefined;
  return rebuildMessage(
    msg.headers,
    parts.map((p) => ({ charset: p.charset, encoding: p.encoding, body: msg.bodyParts?.get(p.part) ?? Buffer.alloc(0) })),
  );
}
