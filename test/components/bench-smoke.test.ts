// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { measurePanelRender } from '../../bench/panel-render';

describe('bench/panel-render smoke', () => {
  it('measures a small trace and renders a bounded number of nodes', async () => {
    const small = await measurePanelRender(50, 10, 1);
    const large = await measurePanelRender(2000, 10, 1);
    expect(small.flows).toBe(5);
    expect(large.flows).toBe(200);
    expect(small.mountMs).toBeGreaterThan(0);
    // Virtualization: 40× the flows must not mean 40× the DOM.
    expect(large.domNodes).toBeLessThan(small.domNodes * 3);
  });
});
