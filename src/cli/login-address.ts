// RFC 5322 section 3.4.1 addr-spec with dot-atoms on both sides (atext, section 3.2.3). A quoted
// local part or a domain literal is no login anyone types; such a login is simply not taken.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const ADDR_SPEC = new RegExp(`^${DOT_ATOM}@${DOT_ATOM}$`);

/**
 * The addresses an IMAP login adds to `--me`: the login itself when it is an addr-spec. List and
 * Bcc mail name no reader in To or Cc, and without Delivered-To the login is the only place the
 * reader's address is known from: not counting it showed `?e=<login>` and its MD5 unmasked.
 */
export function loginAddresses(user: string): string[] {
  const login = user.trim();
  return ADDR_SPEC.test(login) ? [login] : [];
}
