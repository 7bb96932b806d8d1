import { redactedValues } from './support/foreign-values';
import { defineCheck } from './types';

/**
 * Issue 17 point 2: a HAR that another tool sanitized carries placeholders ("[state redacted]",
 * REDACTED, a JWT signature replaced by "redacted") where values were. Checks never judge or
 * compare them: lib/checks/engine.ts sets aside every finding that would, and this check says so
 * once per flow, naming the tool, the values and (added by the engine) the checks not run.
 */
export default defineCheck({
  section: 'errors-and-metadata',
  severity: 'info',
  title: 'Values redacted by another tool: not checked',
  refs: [{ spec: 'RFC 6749', section: '10.12' }, { spec: 'RFC 7636', section: '4' }, { spec: 'OIDC-Core', section: '3.1.3.7', note: '(the checks that need these values)' }],
  cause: 'The HAR was sanitized before it was imported (a HAR sanitizer, or values replaced by hand), so some protocol values are placeholders.',
  fix: 'To check these values, record the login again with OAuth Lens and export from it: its redaction keeps equal values equal and keeps length and character class.',
  messages: {
    notChecked: '{names} {verb} redacted in this HAR by {tools}: not checked.',
  },
  run(flow, ctx) {
    const values = redactedValues(flow);
    if (!values.length) return;
    const tools = [...new Set(values.map((v) => v.tool))];
    ctx.report({
      step: flow.authorize?.step ?? flow.callback?.step ?? null,
      messageId: 'notChecked',
      data: { names: values.map((v) => v.name).join(', '), verb: values.length === 1 ? 'was' : 'were', tools: tools.join(' and ') },
      evidence: values.map((v) => ({ label: v.name, value: `redacted by ${v.tool}` })),
    });
  },
});
