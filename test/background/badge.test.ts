import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { badgeFor } from '../../entrypoints/background/badge';
import { lightToken } from '../../lib/format/palette-token';
import type { AnalysisReport } from '../../lib/model/analysis';

const palette = readFileSync(new URL('../../components/palette.css', import.meta.url), 'utf8');

describe('badge colours come from the page palette (components/palette.css)', () => {
  it('reads a token of the light palette, not the dark one declared after it', () => {
    const css = '/* --err: #000000; */\n.a {\n  --err: #b3261e;\n  --dim: #5f6368;\n}\n.dark {\n  --err: #f28b82;\n}\n';
    expect(lightToken(css, '--err')).toBe('#b3261e');
    expect(lightToken(css, '--dim')).toBe('#5f6368');
  });

  it('fails at load, naming the file and token, when the palette lacks it', () => {
    expect(() => lightToken('.a {\n  --text: #1f1f1f;\n}\n.b {\n  --err: #f28b82;\n}', '--err')).toThrow('components/palette.css: no --err colour in the light palette');
  });

  it('failing flows are the panel’s error red, others its dimmed grey', () => {
    const flow = (severity: 'error' | 'warning') => ({ findings: [{ severity }] });
    const red = badgeFor({ flows: [flow('error'), flow('warning')] } as unknown as AnalysisReport);
    const grey = badgeFor({ flows: [flow('warning')] } as unknown as AnalysisReport);
    expect(red).toEqual({ text: '1', color: lightToken(palette, '--err') });
    expect(grey).toEqual({ text: '1', color: lightToken(palette, '--dim') });
    expect(red.color).not.toBe(grey.color);
  });
});
