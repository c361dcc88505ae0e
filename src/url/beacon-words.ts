// Words that open-tracking endpoints use in their paths, shared by the identifier and open-path checks.

/** Path segments of open-tracking endpoints across vendors and spam kits. */
export const OPEN_SEGMENT = new Set([
  'open',
  'opens',
  'opened',
  'o',
  'op',
  'track',
  'tracking',
  'tracker',
  'trk',
  'pixel',
  'pixels',
  'beacon',
  'beacons',
  'imp',
  'impression',
  'impressions',
  'openrate',
  'emailread',
  'mailread',
  'read',
  'readreceipt',
  'receipt',
  'wf',
  'collect',
  'count',
  'counter',
  'px',
  'tp',
  'tr',
  'ping',
  'event',
  'events',
  'log',
  'e',
  'oo',
]);

/** The subset that no content path uses: enough on its own to call a hidden image a beacon. */
export const STRONG_SEGMENT = new Set(['open', 'opens', 'opened', 'track', 'tracking', 'trk', 'pixel', 'beacon', 'imp', 'impression', 'openrate', 'emailread', 'collect', 'o', 'op']);

/** File names of open-tracking endpoints (`open.gif`, `o.gif`, `pixel.png`, `openrate.asp` ...). */
export const OPEN_FILE = /^(open|opened|o|p|t|px|pixel|pix|beacon|track|tracking|trk|imp|impression|openrate|open-?track|emailread|read|1x1|spy|tracker|count|counter|log|b|e|i|oo)\.(gif|png|jpe?g|aspx?|php|cfm|jsp|ashx|do|cgi|pl)$/i;

/** File names of layout spacers: static when served the same to all, a beacon when under a personal path. */
export const SPACER_FILE = /^(spacer|space|blank|clear|cleardot|clear_dot|transparent|trans|shim|dot|pixel|1x1|s|b|t|x|px|empty|null|none|spc)\.(gif|png)$/i;
