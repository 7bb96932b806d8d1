import { main } from './main';

const chunks: string[] = [];
const code = await main(process.argv.slice(2), {
  stdout: (text) => chunks.push(text),
  stderr: (text) => process.stderr.write(text),
});
// Write stdout in one go and wait for it to flush before exiting (large JSON into a pipe).
process.stdout.write(chunks.join(''), () => process.exit(code));
