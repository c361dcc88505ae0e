// Rebuilds the `hosts` of rules/cname-hosts.json from AdGuard's cname-trackers mail lists
// (https://github.com/AdguardTeam/cname-trackers, data/mail_trackers/, MIT).
//
//   npm run build && node dist/scripts/build-cname-hosts.js [folder of *_justdomains.txt]
//
// The folder defaults to ../shared/data/adguard-cname-mail-trackers beside the project. Only the
// host lists are replaced: the provider grammar (what an image or a link on such a host is) and
// the attribution are ours and stay as they are in rules/cname-hosts.json.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { groupHosts, type CnameHostsFile } from '../src/trackers/cname-hosts.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

const upstream = process.argv[2] ?? path.join(PACKAGE_ROOT, '..', 'shared', 'data', 'adguard-cname-mail-trackers');
const target = path.join(PACKAGE_ROOT, 'rules', 'cname-hosts.json');
const data = JSON.parse(readFileSync(target, 'utf8')) as CnameHostsFile;

let total = 0;
for (const [name, provider] of Object.entries(data.providers)) {
  const file = path.join(upstream, provider.upstreamFile);
  const hosts = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    // `#` lines are the list's own header; a host name is letters, digits, dots, dashes, underscores.
    .filter((line) => line && !line.startsWith('#') && /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(line));
  provider.hosts = groupHosts(hosts);
  total += new Set(hosts).size;
  console.log(`${name}: ${new Set(hosts).size} hosts from ${file}`);
}
writeFileSync(target, `${JSON.stringify(data, null, 1)}\n`);
console.log(`wrote ${target}: ${total} hosts`);
