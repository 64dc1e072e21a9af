// Bundles the extension client, the language server and the CLI (dist/), and the editor test
// suite (out/). Each bundle is self-contained: the .vsix and the CLI need no node_modules.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

// ajv-formats-draft2019 (through kubernetes-models) requires Node's deprecated `punycode` module,
// whose warning would land in the output channel as an error: bundle the userland package instead.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', alias: { punycode: 'punycode/' } };
const production = { ...common, minify: process.env.KUBE_NETSEC_MINIFY !== '0', sourcemap: 'linked' };

await Promise.all([
  build({ ...production, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...production, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...production, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The editor test suite runs inside the extension host: vscode is provided, mocha is loaded from
  // node_modules so that its reporters and globals are the real ones.
  build({ ...common, entryPoints: ['test/editor/suite/index.ts'], outfile: 'out/test/editor/suite/index.js', external: ['vscode', 'mocha'] }),
  build({ ...common, entryPoints: ['test/editor/run-electron.ts'], outfile: 'out/test/editor/run-electron.js', external: ['@vscode/test-electron'] }),
]);
await chmod('dist/cli.js', 0o755);
