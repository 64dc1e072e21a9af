import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile } from '../../../server/src/engine/config/config-file';
import { isExcluded } from '../../../server/src/engine/config/exclude';
import { mergeConfigs, DEFAULT_SENSITIVE_PORTS } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;

describe('.kube-netsec.yaml', () => {
  it('reads rules, exclude and sensitivePorts', () => {
    const parsed = parseConfigFile(yaml`
      rules:
        host-network: error
        host-port: "off"
      exclude: ["charts/**", "*.generated.yaml"]
      sensitivePorts: [5432, 6379]
    `);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, { rules: { 'host-network': 'error', 'host-port': 'off' }, exclude: ['charts/**', '*.generated.yaml'], sensitivePorts: [5432, 6379] });
  });

  it('accepts an empty file', () => {
    assert.deepEqual(parseConfigFile(''), { config: {}, problems: [] });
    assert.deepEqual(parseConfigFile('# only a comment\n'), { config: {}, problems: [] });
  });

  it('reports unknown rules, bad severities, unknown settings and bad ports where they are written', () => {
    const parsed = parseConfigFile(yaml`
      rules:
        host-netwrok: error
        host-port: loud
      exlude: [x]
      sensitivePorts: [0, 22]
    `);
    assert.deepEqual(parsed.config, {});
    assert.deepEqual(
      parsed.problems.map((problem) => `${at(problem.range)} ${problem.message}`).sort(),
      [
        '2:3-2:15 "host-netwrok" is not a kube-netsec rule.',
        '3:14-3:18 rules.host-port must be one of off, hint, info, warning, error.',
        '4:1-4:7 "exlude" is not a kube-netsec setting (known: rules, exclude, sensitivePorts, defaultNamespace).',
        '5:18-5:19 sensitivePorts.0 must be >= 1.',
      ].sort(),
    );
  });

  it('reports broken YAML', () => {
    const parsed = parseConfigFile('rules: {host-network: error\n');
    assert.equal(parsed.problems.length > 0, true);
    assert.deepEqual(parsed.config, {});
  });
});

describe('mergeConfigs', () => {
  it('layers rule settings and ports, and adds exclusions', () => {
    const merged = mergeConfigs({ rules: { a: 'error', b: 'off' }, exclude: ['x/**'] }, { rules: { b: 'warning' }, exclude: ['y'], sensitivePorts: [1] });
    assert.deepEqual(merged, { rules: { a: 'error', b: 'warning' }, exclude: ['x/**', 'y'], sensitivePorts: [1], defaultNamespace: 'default' });
    assert.equal(mergeConfigs({ defaultNamespace: 'shop' }, {}).defaultNamespace, 'shop');
    assert.deepEqual(mergeConfigs().sensitivePorts, DEFAULT_SENSITIVE_PORTS);
  });
});

describe('isExcluded', () => {
  it('matches folder globs, bare names at any depth, and nothing outside the root', () => {
    const patterns = ['charts/**', 'generated', '*.tmpl.yaml', 'deploy/legacy/'];
    assert.equal(isExcluded('charts/app/templates/x.yaml', patterns), true);
    assert.equal(isExcluded('apps/generated/x.yaml', patterns), true);
    assert.equal(isExcluded('apps/web/deploy.tmpl.yaml', patterns), true);
    assert.equal(isExcluded('deploy/legacy/old.yaml', patterns), true);
    assert.equal(isExcluded('apps/web/deploy.yaml', patterns), false);
    assert.equal(isExcluded('mycharts/x.yaml', patterns), false);
    assert.equal(isExcluded('../charts/x.yaml', patterns), false);
    assert.equal(isExcluded('anything.yaml', []), false);
  });
});
