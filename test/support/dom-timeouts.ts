import { configure } from '@testing-library/preact';

/**
 * `findBy…` and `waitFor` give up after 1 s by default. On a loaded 2-core machine a Preact
 * render plus an analysis in happy-dom can take longer than that, and a test then fails for
 * being slow rather than wrong. The wait is a bound against a hang, like the unit testTimeout.
 */
configure({ asyncUtilTimeout: 15_000 });
