import { TEST_ACCOUNT, DECLINING_ACCOUNT, type Demo, type InteractionMode } from './index';

/** Shared bits of `npm start` and `npm run demo`: options and what they print. */

export function interactionFromArgs(argv: readonly string[]): InteractionMode {
  // People type a password by default; `--auto` logs in and consents without pages.
  return argv.includes('--auto') ? 'auto' : 'form';
}

export function describeDemo(demo: Demo, mode: InteractionMode): string {
  return [
    '',
    'OAuth Lens demo is running:',
    `  sample app (relying party)   ${demo.rpUrl}/`,
    `  same app, another site name  ${demo.rpAltUrl}/`,
    `  OpenID provider (issuer)     ${demo.issuer}`,
    `  discovery                    ${demo.issuer}/.well-known/openid-configuration`,
    mode === 'form'
      ? `  sign in as ${TEST_ACCOUNT.email} / ${TEST_ACCOUNT.password} (or ${DECLINING_ACCOUNT.email}, same password)`
      : `  logins are automatic (--auto): ${TEST_ACCOUNT.email}; /login/denied declines consent`,
    '',
  ].join('\n');
}

/** Runs `stop` once on Ctrl-C / SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
