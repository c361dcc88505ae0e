import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

export interface SecretFlags {
  passwordEnv?: string;
  passwordFile?: string;
  tokenEnv?: string;
  tokenFile?: string;
}

export const DEFAULT_PASSWORD_ENV = 'PIXELAUDIT_IMAP_PASSWORD';
export const DEFAULT_TOKEN_ENV = 'PIXELAUDIT_IMAP_TOKEN';

/**
 * The password or OAuth2 token, from an environment variable, a file, or a prompt: never argv.
 * Order: an explicit flag, then the default variables, then the prompt on a terminal.
 */
export async function readSecret(flags: SecretFlags, env: Record<string, string | undefined>, prompt: ((question: string) => Promise<string>) | undefined): Promise<{ pass: string } | { accessToken: string }> {
  const fromEnv = (name: string, what: string): string => {
    const value = env[name];
    if (!value) throw new UsageError(`${what}: the environment variable ${name} is not set or empty`);
    return value;
  };
  if (flags.tokenFile) return { accessToken: readSecretFile(flags.tokenFile, '--oauth-token-file') };
  if (flags.tokenEnv) return { accessToken: fromEnv(flags.tokenEnv, '--oauth-token-env') };
  if (flags.passwordFile) return { pass: readSecretFile(flags.passwordFile, '--password-file') };
  if (flags.passwordEnv) return { pass: fromEnv(flags.passwordEnv, '--password-env') };
  if (env[DEFAULT_TOKEN_ENV]) return { accessToken: env[DEFAULT_TOKEN_ENV] };
  if (env[DEFAULT_PASSWORD_ENV]) return { pass: env[DEFAULT_PASSWORD_ENV] };
  if (prompt) {
    const pass = await prompt('IMAP password (not shown): ');
    if (pass) return { pass };
  }
  throw new UsageError(`no password: set ${DEFAULT_PASSWORD_ENV} (or ${DEFAULT_TOKEN_ENV} for an OAuth2 token), use --password-file, or run in a terminal to be asked`);
}

function readSecretFile(file: string, flag: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
  }
  const value = text.replace(/\r?\n$/, '');
  if (!value) throw new UsageError(`${flag} ${file}: the file is empty`);
  return value;
}
