import { describeDemo, interactionFromArgs, onShutdown } from './console';
import { startDemo } from './index';

// `npm run demo [-- --auto]`: the provider and the sample app only, until Ctrl-C.
const mode = interactionFromArgs(process.argv.slice(2));
const demo = await startDemo({ interaction: mode });
console.log(describeDemo(demo, mode));
console.log('Press Ctrl-C to stop.');
onShutdown(() => demo.close());
