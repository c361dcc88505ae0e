// npm run build, after tsc (scripts/bundle.mjs, before the code cache is written, so that the
// cache holds the code that reads these files): the built-in tracker data in the form a scan
// loads at start-up (compiled-data.ts). Each built-in tracker file is checked against the schema
// here, so a broken one fails the build; whether each expression is linear is proven by
// test/regex-safety.test.ts, which takes minutes.
import { builtinVendorSets, COMPILED_VENDORS_FILE } from './load.js';
import { validateTrackerFile } from './validate.js';
import { CNAME_HOSTS_FILE, COMPILED_CNAME_FILE, readCnameFile, searchableHosts } from './cname-hosts.js';
import { writeCompiled } from './compiled-data.js';

const { files, vendors } = builtinVendorSets();
files.forEach((file, i) => validateTrackerFile({ vendors: vendors[i] }, file, { proveLinear: false }));
writeCompiled(COMPILED_VENDORS_FILE, files, { vendors });

const { providers, body } = searchableHosts(readCnameFile(CNAME_HOSTS_FILE));
writeCompiled(COMPILED_CNAME_FILE, [CNAME_HOSTS_FILE], { providers }, body);
