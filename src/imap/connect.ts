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
    let line = redact(JSON.stringify(obj));
    for (const s of secrets) if (s) line = line.split(s).join('***');
    // imapflow already hides credential frames; this also covers base64 SASL forms.
    for (const s of secrets) if (s) line = line.split(Buffer.from(s).toString('base64')).join('***');
    write(`imap: ${line}\n`);
  };
  return { debug: mask, info: mask, warn: mask, error: mask };
}

/** --debug's redaction: the reader's addresses in every form, and the login itself when it is no address. */
export function debugRedaction(user: string, me: readonly string[]): (line: string) => string {
  const finder = addressFinderFor([...me]);
  const login = JSON.stringify(user).slice(1, -1);
  return (line) => {
    const masked = maskAddresses(line, finder);
    return login.length >= 3 ? masked.split(login).join('[user]') : masked;
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
