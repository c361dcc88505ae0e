// Which files a folder walk reads, and that the others are counted, never silently passed: the
// attacker's folder of only .ejs templates passed CI with "0 findings in 0 files" (attack13b/t17).
import { describe, expect, it } from 'vitest';
import { check, project } from './check-project.js';
import { run } from '../src/cli/run.js';

const PIXEL = (expr: string): string => `<html><body>\n<img src="https://img.example.org/o.gif?u=${expr}" width="1" height="1">\n</body></html>\n`;

describe('check: template types a folder walk reads', () => {
  it('reads .ejs, .eta, .nunjucks, .jinja2, .gotmpl, .shtml and upper-case .HTML, each with its tags masked', async () => {
    const dir = project({
      'emails/a.ejs': PIXEL('<%= user.id %>'),
      'emails/b.eta': PIXEL('<%= it.user.id %>'),
      'emails/c.nunjucks': PIXEL('{{ user.id }}'),
      'emails/d.jinja2': PIXEL('{{ user.id }}'),
      'emails/e.gotmpl': PIXEL('{{ .User.ID }}'),
      'emails/f.shtml': PIXEL('1234567890abcdef1234'),
      'emails/G.HTML': PIXEL('{{ user.id }}'),
    });
    const { findings, report } = await check(dir, 'emails');
    expect(report?.files.map((f) => f.file).sort()).toEqual(['emails/G.HTML', 'emails/a.ejs', 'emails/b.eta', 'emails/c.nunjucks', 'emails/d.jinja2', 'emails/e.gotmpl', 'emails/f.shtml']);
    expect(report?.files.find((f) => f.file === 'emails/a.ejs')?.syntax).toBe('erb');
    expect(findings.filter((f) => f.severity === 'error').length).toBe(7);
    expect(report?.summary.notRead).toEqual({});
  });

  it('counts the files it does not read, by extension, in the summary (table and JSON)', async () => {
    const dir = project({ 'emails/a.html': PIXEL('{{ user.id }}'), 'emails/b.cshtml': PIXEL('@Model.UserId'), 'emails/c.txt': 'Hi', 'emails/d.tsx': 'export default 1' });
    const { report } = await check(dir, 'emails');
    expect(report?.summary.notRead).toEqual({ '.cshtml': 1, '.tsx': 1, '.txt': 1 });
    const table = await run(['check', 'emails'], { cwd: dir });
    expect(table.stdout).toContain('3 files not read (not a template type: .cshtml 1, .tsx 1, .txt 1)');
  });

  it('a folder with no template at all is exit 2 with one line, as scan is for a folder without mail', async () => {
    const dir = project({ 'emails/welcome.cshtml': PIXEL('@Model.UserId'), 'emails/welcome.txt': 'Hi' });
    const r = await run(['check', 'emails'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['pixelaudit: emails: no template or .eml file to check: 2 files not read (not a template type: .cshtml 1, .txt 1)']);
  });
});
