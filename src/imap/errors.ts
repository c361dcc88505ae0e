import { KnownError } from '../errors.js';

/** Connection, TLS, authentication or mailbox problems: one line, exit 2. */
export class ImapError extends KnownError {}

/** A readable line for what imapflow or the socket reported; never includes credentials. */
export function describeImapError(error: unknown, host: string, port: number): ImapError {
  const e = error as { code?: string; message?: string; authenticationFailed?: boolean; responseText?: string; serverResponseCode?: string };
  const where = `${host}:${port}`;
  if (e?.authenticationFailed || e?.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new ImapError(`${where}: authentication failed`, 'check the user name and the password or token');
  }
  switch (e?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ImapError(`${host}: unknown host`, 'check the --host name');
    case 'ECONNREFUSED':
      return new ImapError(`${where}: connection refused`, 'check --port and --tls (993 for implicit TLS, 143 for STARTTLS)');
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'GreetingTimeout':
      return new ImapError(`${where}: the server did not answer in time`);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new ImapError(`${where}: TLS certificate not trusted (${e.code})`, 'use --insecure only for a server you control');
    default:
      break;
  }
  if (/wrong version number|SSL routines|tls/i.test(e?.message ?? '')) {
    return new ImapError(`${where}: TLS failed (${(e?.message ?? '').split('\n')[0]})`, 'check --tls: implicit on 993, starttls on 143');
  }
  return new ImapError(`${where}: ${(e?.responseText || e?.message || String(error)).split('\n')[0]}`);
}

/** A tagged NO or BAD from the server: it refused one command, the connection is still fine. */
export function isServerAnswer(error: unknown): boolean {
  const status = (error as { responseStatus?: unknown } | null)?.responseStatus;
  return status === 'NO' || status === 'BAD';
}

/**
 * Whether an error came from the IMAP conversation (a server answer, imapflow or the socket),
 * and not from pixelaudit's own work (a bug, or an output that cannot be written), which must
 * be shown as what it is, never as a connection problem.
 */
export function fromConversation(error: unknown): boolean {
  if (isServerAnswer(error) || (error as { responseStatus?: unknown } | null)?.responseStatus === 'BYE') return true;
  const e = error as { code?: unknown; syscall?: unknown } | null;
  if (typeof e?.code !== 'string') return false;
  if (NETWORK.has(e.code)) return true;
  // Other errors with a syscall are the file system's (EPIPE too: stdout may be a closed pipe);
  // Node's own ERR_* codes mean a programming error; what is left is imapflow's (ETIMEOUT, ...).
  return e.syscall === undefined && !e.code.startsWith('ERR_');
}

const NETWORK = new Set(['ECONNRESET', 'ECONNABORTED', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);
