// Which database addresses sync may talk to: https anywhere, plain http only to this computer
// (a test server, an SSH tunnel), never with credentials in the address (they would end up in
// the settings file and in logs), and always naming a database.

/** Hosts that never leave this computer. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname.toLowerCase());

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export type CheckedUrl = { ok: true; url: string } | { ok: false; message: string };

/** The address as sync will use it (no trailing slash), or why it can't be used. */
export function checkSyncUrl(typed: string): CheckedUrl {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message:
        'That is not a web address. Type the database’s full address, e.g. https://couch.example.org/team-notebook.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The address must start with https://.' };
  }
  if (url.protocol === 'http:' && !isLoopback(url)) {
    return {
      ok: false,
      message:
        'The address must start with https://: only a server on this computer (127.0.0.1, ::1, localhost) may use plain http.',
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message:
        'Leave the user name and password out of the address: type them in their own fields, where the password is kept safely.',
    };
  }
  if (url.search || url.hash) {
    return { ok: false, message: 'The address must end with the database’s name, without ? or #.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  let name: string;
  try {
    name = decodeURIComponent(path.slice(1));
  } catch {
    name = '';
  }
  if (!DATABASE_NAME.test(name)) {
    return {
      ok: false,
      message:
        'The address must end with the database’s name: lower-case letters, digits and _$()+-/, starting with a letter (e.g. https://couch.example.org/team-notebook).',
    };
  }
  return { ok: true, url: `${url.origin}${path}` };
}
