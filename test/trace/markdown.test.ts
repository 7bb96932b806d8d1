import { describe, expect, it } from 'vitest';
import { analyzeEvents } from '../../lib/analysis/analyze';
import { escapeMarkdown, toMarkdown } from '../../lib/trace/markdown';
import { codeFlow } from '../support/events';

describe('toMarkdown', () => {
  it('has a timeline table and the findings of each flow', async () => {
    const { report } = await analyzeEvents(codeFlow({ callbackParams: { state: 'forged-state-value-1' } }));
    const md = toMarkdown(report);
    expect(md).toMatch(/^# OAuth Lens report/);
    expect(md).toContain('| # | Time | Step | Method | Status | URL |');
    // Steps are numbered from 1, as in the panel and in "Failed at step N".
    expect(md).toMatch(/\| 2 \| [^|]+ \| authorize \| GET \| 303 \|/);
    expect(md).toContain('**error** state-mismatch');
    // The app took the forged state (302 to its home page): the login completed, with an error (issue 17 point 4).
    expect(md).toContain('## Flow 1: authorization\\_code, Completed, 1 error');
  });

  it('renders HTML and Markdown in values as inert text', async () => {
    const hostile = '<img src=x onerror=alert(1)>|[click](javascript:alert(1))\n# heading ![i](http://x/y.png) `code` *em*';
    const { report } = await analyzeEvents(codeFlow({ callbackParams: { state: hostile } }));
    const md = toMarkdown(report);
    expect(md).not.toMatch(/<img|<script/i);
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(md).not.toContain('](javascript');
    expect(md).not.toMatch(/^# heading/m);
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      // Every table row keeps exactly six cells: unescaped pipes would add more.
      expect(line.split(/(?<!\\)\|/).length - 2).toBe(6);
    }
  });

  it('escapes every character that can start markup', () => {
    expect(escapeMarkdown('a|b*c_d[e](f)<g>&h`i`#!~\\')).toBe('a\\|b\\*c\\_d\\[e\\]\\(f\\)&lt;g&gt;&amp;h\\`i\\`\\#\\!\\~\\\\');
    expect(escapeMarkdown('line1\r\nline2')).toBe('line1 line2');
  });
});
