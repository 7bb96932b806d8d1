/**
 * How a flow ended. Kept apart from flow.ts (zod) so the toolbar popup's small schema
 * (popup-state.ts, zod/mini) names the same values without bundling the full model.
 */
export const OUTCOMES = ['success', 'failed', 'incomplete'] as const;
export type Outcome = (typeof OUTCOMES)[number];
