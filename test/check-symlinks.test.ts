import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, project } from './check-project.js';

const GA = '<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1-1&cid=5&t=event">\n';

/** A checkout with templates/real/a.html, templates/linked -> real, a loop, a broken link and a link out of the project. */
function checkout(): string {
  const root = project({ 'proj/templates/real/a.html': GA, 'outside/secret.html': GA });
  const proj = path.join(root, 'proj');
  symlinkSync('real', path.join(proj, 'templates', 'linked'));
  symlinkSync('..', path.join(proj, 'templates', 'real', 'loop'));
  symlinkSync(path.join('..', '..', 'outside'), path.join(proj, 'templates', 'escape'));
  symlinkSync('nowhere.html', path.join(proj, 'templates', 'broken.html'));
  mkdirSync(path.join(proj, 'only-linked'));
  symlinkSync(path.join('..', 'templates', 'real'), path.join(proj, 'only-linked', 'shared'));
  return proj;
}

const files = (r: Awaited<ReturnType<typeof check>>): string[] => (r.report?.files ?? []).map((f) => f.file);

describe('check: symlinks in folders and globs', () => {
  it('reports a file met under several names under the one without a link, for a folder and for a glob', async () => {
    const proj = checkout();
    for (const arg of ['templates', 'templates/**/*.html']) {
      const r = await check(proj, arg, '--fail-on', 'never');
      expect(files(r), arg).toEqual(['templates/real/a.html']);
      expect(r.exitCode, arg).toBe(0);
    }
  });

  it('reports a file reached only through a link under the path as written or globbed (what CI annotates)', async () => {
    const proj = checkout();
    expect(files(await check(proj, 'only-linked', '--fail-on', 'never'))).toEqual(['only-linked/shared/a.html']);
    expect(files(await check(proj, 'templates/linked/*.html', '--fail-on', 'never'))).toEqual(['templates/linked/a.html']);
  });

  it('does not follow a link out of the project, a loop or a broken link, and says so on stderr', async () => {
    const proj = checkout();
    const walked = await check(proj, 'templates', '--fail-on', 'never');
    expect(files(walked)).not.toContain('templates/escape/secret.html');
    expect(walked.stderr).toMatch(/templates\/escape: not checked: symlink to a target outside the working folder and the folder named: not followed \(.*outside\)/);
    expect(walked.stderr).toMatch(/templates\/\w+\/loop: not checked: symlink loop/);
    expect(walked.stderr).toMatch(/templates\/broken.html: not checked: broken symlink/);
    const globbed = await check(proj, 'templates/**/*.html', '--fail-on', 'never');
    expect(files(globbed)).toEqual(['templates/real/a.html']);
    expect(globbed.stderr).toMatch(/templates\/escape\/secret.html: not checked: symlink to a target outside/);
    // Named as an argument, the link is what the user asked for.
    expect(files(await check(proj, 'templates/escape', '--fail-on', 'never'))).toEqual(['templates/escape/secret.html']);
  });
});
