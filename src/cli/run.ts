import { Command, CommanderError } from 'commander';
import { formatError, UsageError } from '../errors.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { VERSION } from '../version.js';
import { visibleLines } from '../formatters/safe-text.js';
import { StringSink, type Io } from './io.js';

type CommandMaker = (io: Io, setExit: (code: number) => void) => Command;

/**
 * Every command, loaded only when asked for: `scan` never loads imapflow, `rules` never loads the
 * MIME readers. Measured from dist/src at load 10: importing this file with all six commands
 * took 100-130 ms more than the scan's own modules (imapflow, socks, pino, the clean writers).
 * Help, --version and unknown words load them all (help lists every command).
 */
const COMMANDS: Record<string, () => Promise<CommandMaker>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  imap: async () => (await import('./commands/imap.js')).imapCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  clean: async () => (await import('./commands/clean.js')).cleanCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
};

/** The commands argv needs: the one it names, else all of them, in the order help lists them. */
async function commandsFor(argv: string[]): Promise<CommandMaker[]> {
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? [argv[0]] : Object.keys(COMMANDS);
  return Promise.all(named.map((name) => COMMANDS[name]()));
}

export interface RunResult {
  exitCode: number;
  /** What went to stdout, when `io.stdout` was not given. */
  stdout: string;
  /** What went to stderr, when `io.stderr` was not given. */
  stderr: string;
}

const EXIT_HELP = `
Exit codes:
  0  no error, and no finding you asked to fail on
  1  a tracked message was found and --fail-on tracked was given; check: a finding at or above
     its --fail-on severity (default error), or more warnings than --max-warnings
  2  usage error, unreadable input path, refused or unwritable output, bad rules data or
     configuration, a file check could not read, or internal error

pixelaudit never loads a URL found in a message and never changes a mailbox.`;

/** The whole CLI, in-process: argv in, exit code and output back. Never touches `process`. */
export async function run(argv: string[], partialIo: Partial<Io> = {}): Promise<RunResult> {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const io: Io = { stdout, stderr, env: {}, stdoutIsTTY: false, stderrIsTTY: false, ...partialIo };
  let exitCode = EXIT_OK;
  const setExit = (code: number): void => {
    exitCode = code;
  };

  const program = new Command('pixelaudit')
    .description('Audit mail for tracking pixels, offline and read-only.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(visibleLines(s)) })
    .exitOverride();

  try {
    // Inside the try: a command's chunk that fails to load is an internal error (bug report, exit 2), not a raw stack.
    for (const make of await commandsFor(argv)) {
      const cmd = make(io, setExit);
      // Usage errors echo what was typed, or a file name a glob expanded: never raw to a terminal.
      cmd.exitOverride().configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(visibleLines(s)) });
      cmd.addHelpText('after', EXIT_HELP);
      program.addCommand(cmd);
    }
    refuseSecretsInArgv(argv);
    if (argv.length === 0) {
      program.outputHelp();
      exitCode = EXIT_ERROR;
    } else {
      await program.parseAsync(argv, { from: 'user' });
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; every other commander error is a usage error.
      exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    } else {
      await io.stderr.write(formatError(error));
      exitCode = EXIT_ERROR;
    }
  }
  return { exitCode, stdout: partialIo.stdout ? '' : stdout.text, stderr: partialIo.stderr ? '' : stderr.text };
}

/** Secrets never belong in argv (shell history, `ps`): refuse without echoing the value. */
function refuseSecretsInArgv(argv: string[]): void {
  const bad = argv.find((a) => /^--(password|pass|token|oauth-token|access-token|secret)(=|$)/i.test(a));
  if (bad) {
    throw new UsageError(`${bad.split('=')[0]} is not accepted on the command line, where other users and the shell history can read it`, 'use PIXELAUDIT_IMAP_PASSWORD, --password-file or the prompt');
  }
}
