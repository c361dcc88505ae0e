import { isIP } from 'node:net';
import { ImapFlow, type Logger } from 'imapflow';
import { maskAddresses } from '../engine/mask-addresses.js';
import { addressFinderFor } from '../url/address-leak.js';
import { describeImapError } from './errors.js';

export type TlsMode = 'implicit' | 'starttls' | 'none';

/** Where and how to connect. Secrets live only here, never in argv, logs or reports. */
export interface ImapTarget {
  host: string;
  port: number;
  user: string;
  tls: TlsMode;
  insecure: boolean;
  secret: { pass: string } | { accessToken: string };
}

/**
 * A logger for --debug that writes imapflow's records to stderr with every secret masked, and
 * with `redact` applied (the login and the reader's addresses, unless --no-redact: imapflow logs
 * `"user":"reader@example.org"` with every record).
 */
export function maskedLogger(write: (line: string) => void, secrets: string[], redact: (line: string) => string = (line) => line): Logger {
  const mask = (obj: unknown): void => {
    let line = redact(JSON.stringify(hideSaslPayload(obj)));
    for (const s of secrets) if (s) line = line.split(s).join('***');
    // imapflow already hides credential frames; this also covers base64 SASL forms.
    for (const s of secrets) if (s) line = line.split(Buffer.from(s).toString('base64')).join('***');
    write(`imap: ${line}\n`);
  };
  return { debug: mask, info: mask, warn: mask, error: mask };
}

const HIDDEN = '(* value hidden *)';
// A client line with no space is no command (a command starts with its tag and a space): it is
// the answer to a server's `+` continuation, which only SASL sends from imapflow (IDLE's `DONE`
// aside).
const CONTINUATION_ANSWER = /^[A-Za-z0-9+/=*-]+$/;

/**
 * A SASL payload (imapflow's "Encoded response for AUTH=PLAIN", "Encoded username for
 * AUTH=LOGIN", an OAuth breaker) is base64 of the login, with the password replaced but the
 * rest as sent: `\0kissreader2024\0(* value hidden *)`. Masking the login inside it would need
 * every byte offset of it in base64 (an address login left `AHJl[address]...`, the `\0re` of
 * its first characters), and the line says nothing a reader of the log needs: hidden whole,
 * with --no-redact too, as it is a credential frame.
 */
function hideSaslPayload(obj: unknown): unknown {
  if (!obj || typeof obj !== 'object') return obj;
  const record = obj as Record<string, unknown>;
  const sasl = (typeof record.comment === 'string' && /AUTH=/i.test(record.comment)) || (record.src === 'c' && typeof record.msg === 'string' && record.msg !== 'DONE' && CONTINUATION_ANSWER.test(record.msg));
  return sasl && typeof record.msg === 'string' && record.msg !== HIDDEN ? { ...record, msg: HIDDEN } : obj;
}

/**
 * --debug's redaction: the reader's addresses in every form, and the login itself whatever its
 * length and case: anywhere when it has three characters or more, and standing as a word of its
 * own (`"user":"kr"`, `LOGIN kr`) when shorter, where a substring would mask capability names.
 */
export function debugRedaction(user: string, me: readonly string[]): (line: string) => string {
  const finder = addressFinderFor([...me]);
  const login = JSON.stringify(user).slice(1, -1);
  const escaped = login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = login.length === 0 ? undefined : login.length >= 3 ? new RegExp(escaped, 'gi') : new RegExp(`(?<![A-Za-z0-9._+@-])${escaped}(?![A-Za-z0-9._+@-])`, 'gi');
  return (line) => {
    const masked = maskAddresses(line, finder);
    return pattern ? masked.replace(pattern, '[user]') : masked;
  };
}

export async function connect(target: ImapTarget, logger: Logger | false): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.tls === 'implicit',
    // Explicit STARTTLS must happen; plain must never upgrade silently.
    doSTARTTLS: target.tls === 'starttls' ? true : target.tls === 'none' ? false : undefined,
    auth: 'pass' in target.secret ? { user: target.user, pass: target.secret.pass } : { user: target.user, accessToken: target.secret.accessToken },
    tls: { rejectUnauthorized: !target.insecure, ...(isIP(target.host) ? {} : { servername: target.host }) },
    logger,
    disableAutoIdle: true,
    clientInfo: { name: 'pixelaudit' },
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
  });
  // Errors also arrive as events; the awaited calls report them, so the event must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw describeImapError(error, target.host, target.port);
  }
  return client;
}
