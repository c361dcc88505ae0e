import { Command, Option } from 'commander';
import { createDetector } from '../../engine/detector.js';
import { UsageError } from '../../errors.js';
import { defaultCacheDir, ResultCache } from '../../imap/cache.js';
import { cacheSettings } from '../../imap/cache-key.js';
import { debugRedaction, maskedLogger, type TlsMode } from '../../imap/connect.js';
import { scanImap } from '../../imap/scan-imap.js';
import { readSecret, type SecretFlags } from '../../imap/secrets.js';
import { VERSION } from '../../version.js';
import type { Io } from '../io.js';
import { addMessageTimeoutOption, timeoutMs } from '../message-timeout.js';
import { loginAddresses } from '../login-address.js';
import { collect, positiveInteger } from '../options.js';
import { progressLine } from '../progress.js';
import { addReportOptions, openReport, type ReportFlags } from '../report-output.js';
import { resolveTargets } from '../format-targets.js';

interface ImapFlags extends ReportFlags, SecretFlags {
  host: string;
  port?: number;
  user: string;
  tls: TlsMode;
  insecure?: boolean;
  mailbox?: string[];
  allMailboxes?: boolean;
  includeSpam?: boolean;
  includeTrash?: boolean;
  since?: Date;
  before?: Date;
  limit?: number;
  fullSource?: boolean;
  cache: boolean;
  cacheDir?: string;
  batchSize: number;
  debug?: boolean;
  messageTimeout: number;
}

function date(flag: string) {
  return (value: string): Date => {
    const d = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) throw new UsageError(`${flag} takes a date as YYYY-MM-DD, not "${value}"`);
    return d;
  };
}

export function imapCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('imap')
    .description('audit a mailbox on an IMAP server, read-only (EXAMINE and BODY.PEEK: nothing is marked read, moved or deleted)')
    .requiredOption('--host <host>', 'IMAP server, e.g. imap.gmail.com')
    .requiredOption('--user <user>', 'login name, usually your address')
    .option('--port <port>', 'port (default 993 for implicit TLS, 143 otherwise)', positiveInteger('--port', 65535))
    .addOption(new Option('--tls <mode>', 'implicit TLS, STARTTLS, or none (plain, only when asked)').choices(['implicit', 'starttls', 'none']).default('implicit'))
    .option('--insecure', 'do not verify the server certificate (a warning is printed)')
    .option('--password-env <VAR>', 'read the password from this environment variable (default PIXELAUDIT_IMAP_PASSWORD)')
    .option('--password-file <file>', 'read the password from this file')
    .option('--oauth-token-env <VAR>', 'read an OAuth2 access token (XOAUTH2) from this variable (default PIXELAUDIT_IMAP_TOKEN)')
    .option('--oauth-token-file <file>', 'read an OAuth2 access token from this file')
    .option('--mailbox <name>', 'mailbox to scan (repeatable; default INBOX)', collect)
    .option('--all-mailboxes', 'scan every mailbox (Junk/Spam and Trash only with --include-spam / --include-trash)')
    .option('--include-spam', 'also scan Junk/Spam')
    .option('--include-trash', 'also scan Trash')
    .option('--since <date>', 'only messages since this date (YYYY-MM-DD)', date('--since'))
    .option('--before <date>', 'only messages before this date (YYYY-MM-DD)', date('--before'))
    .option('--limit <n>', 'at most this many messages per mailbox, the newest', positiveInteger('--limit'))
    .option('--full-source', 'fetch whole messages (faster on a LAN) instead of only headers and HTML parts')
    .option('--no-cache', 'do not read or write the results cache')
    .option('--cache-dir <dir>', 'results cache folder (default $PIXELAUDIT_CACHE_DIR, $XDG_CACHE_HOME/pixelaudit or ~/.cache/pixelaudit)')
    .option('--batch-size <n>', 'messages per FETCH', positiveInteger('--batch-size'), 200)
    .option('--debug', 'log the IMAP conversation to stderr, credentials masked');
  return addMessageTimeoutOption(addReportOptions(cmd)).action(async (flags: ImapFlags) => {
    const secretFiles = [flags.passwordFile, (flags as { oauthTokenFile?: string }).oauthTokenFile].filter((f): f is string => Boolean(f));
    const targets = resolveTargets(flags.format, 'table', flags.output, [...secretFiles, ...(flags.rules ?? [])]);
    const secret = await readSecret(
      { passwordEnv: flags.passwordEnv, passwordFile: flags.passwordFile, tokenEnv: (flags as { oauthTokenEnv?: string }).oauthTokenEnv, tokenFile: (flags as { oauthTokenFile?: string }).oauthTokenFile },
      io.env,
      io.prompt,
    );
    const secrets = ['pass' in secret ? secret.pass : secret.accessToken];
    if (flags.insecure) await io.stderr.write('pixelaudit: warning: --insecure: the server certificate is not verified\n');
    const port = flags.port ?? (flags.tls === 'implicit' ? 993 : 143);
    const detector = createDetector({ me: [...(flags.me ?? []), ...loginAddresses(flags.user)], redact: flags.redact, extra: flags.rules, disable: flags.disable });
    const settings = cacheSettings(VERSION, detector);
    const warn = (message: string): void => void io.stderr.write(`pixelaudit: warning: ${message}\n`);
    const cache = flags.cache ? new ResultCache(flags.cacheDir ?? defaultCacheDir(io.env), `${flags.host}:${port}`, flags.user, settings, { warn }) : undefined;
    const inputs = [`imap://${flags.host}:${port}`];
    const report = await openReport(io, flags, targets, inputs);
    const progress = io.stderrIsTTY ? progressLine(io) : undefined;
    try {
      const summary = await scanImap({
        target: { host: flags.host, port, user: flags.user, tls: flags.tls, insecure: Boolean(flags.insecure), secret },
        mailboxes: { names: flags.mailbox ?? [], all: Boolean(flags.allMailboxes), includeSpam: Boolean(flags.includeSpam), includeTrash: Boolean(flags.includeTrash) },
        since: flags.since,
        before: flags.before,
        limit: flags.limit,
        fullSource: Boolean(flags.fullSource),
        batchSize: flags.batchSize,
        detector,
        maxMessageBytes: flags.maxMessageSize * 1024 * 1024,
        messageTimeoutMs: timeoutMs(flags.messageTimeout),
        cache,
        logger: flags.debug ? maskedLogger((line) => void io.stderr.write(line), secrets, flags.redact ? debugRedaction(flags.user, detector.me) : undefined) : false,
        maxReconnects: 5,
        backoffMs: 500,
        onResult: (result) => report.onResult(result),
        onProgress: progress?.update,
      });
      progress?.done();
      setExit(await report.finish(summary));
    } finally {
      cache?.close();
      await report.close();
    }
  });
}
