/**
 * `npm run fuzz [-- --scale N] [--seed S|random]`: the fuzz tests of test/unit/fuzz with budgets N
 * times those of the normal test run (default 20), with their fixed seed, another seed, or a random
 * one (printed, so that a failure can be replayed with `--seed`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '20' }, seed: { type: 'string' } } });
const root = join(__dirname, '..');
const seed = values.seed === 'random' ? String(Math.floor(Math.random() * 0x7fffffff)) : values.seed;
const files = readdirSync(join(root, 'test/unit/fuzz'))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join('test/unit/fuzz', name));

console.log(`fuzz: ${files.length} files, budgets × ${values.scale}, seed ${seed ?? 'fixed (test/support/fuzz.ts)'}`);
const run = spawnSync(process.execPath, ['--conditions=import', '--import', 'tsx', '--test', ...files], {
  cwd: root,
  env: { ...process.env, KUBE_NETSEC_FUZZ_SCALE: values.scale, ...(seed === undefined ? {} : { KUBE_NETSEC_FUZZ_SEED: seed }) },
  stdio: 'inherit',
});
if (seed !== undefined) console.log(`fuzz: seed ${seed} (replay: npm run fuzz -- --scale ${values.scale} --seed ${seed})`);
process.exit(run.status ?? 1);
