import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile, readDnsSetting } from '../../../server/src/engine/config/config-file';
import { isExcluded } from '../../../server/src/engine/config/exclude';
import { mergeConfigs, DEFAULT_SENSITIVE_PORTS } from '../../../server/src/engine';
import { DEFAULT_DNS } from '../../../server/src/engine/config/lint-config';
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
        '4:1-4:7 "exlude" is not a kube-netsec setting (known: rules, exclude, sensitivePorts, defaultNamespace, dns).',
        '5:18-5:19 sensitivePorts.0 must be >= 1.',
      ].sort(),
    );
  });

  it('reads the cluster DNS, the fields left out taking their defaults', () => {
    const parsed = parseConfigFile(yaml`
      dns:
        namespace: dns-system
        namespaceLabels: {team: platform}
        podLabels: {app.kubernetes.io/name: coredns}
        ports: [{port: 5353, protocol: UDP, name: dns}]
    `);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, {
      dns: { namespace: 'dns-system', namespaceLabels: { team: 'platform' }, podLabels: { 'app.kubernetes.io/name': 'coredns' }, ports: [{ port: 5353, protocol: 'UDP', name: 'dns' }], addresses: [] },
    });
    assert.deepEqual(parseConfigFile('dns: {addresses: [169.254.20.10]}\n').config, { dns: { ...DEFAULT_DNS, addresses: ['169.254.20.10'] } });
  });

  it('reports bad values of the cluster DNS where they are written', () => {
    const parsed = parseConfigFile(yaml`
      dns:
        namespace: Kube_System
        podLabels: {"bad key!": x, app: "bad value!"}
        ports: [{port: 0, protocol: SCTP}, {port: 53}, {port: 53, protocol: UDP, nmae: dns}]
        addresses: [fe80::1]
        namespaces: [x]
    `);
    assert.deepEqual(parsed.config, {});
    assert.deepEqual(
      parsed.problems.map((problem) => `${at(problem.range)} ${problem.message}`).sort(),
      [
        '2:14-2:25 dns.namespace must be a namespace name (lower-case letters, digits and "-").',
        '3:15-3:25 "bad key!" in dns.podLabels is not a valid label key.',
        '3:35-3:47 dns.podLabels.app must be a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit).',
        '4:18-4:19 dns.ports.0.port must be >= 1.',
        '4:31-4:35 dns.ports.0.protocol must be one of UDP, TCP.',
        "4:38-4:48 dns.ports.1 must have required property 'protocol'.",
        '4:76-4:80 "nmae" is not a field of a DNS port (known: port, protocol, name).',
        '5:15-5:22 dns.addresses.0 must be an IPv4 address.',
        '6:3-6:13 "namespaces" is not a dns setting (known: namespace, namespaceLabels, podLabels, ports, addresses).',
      ].sort(),
    );
  });

  it('reports a name label other than the namespace and addresses that are not IPv4', () => {
    const parsed = parseConfigFile(yaml`
      dns:
        namespaceLabels: {kubernetes.io/metadata.name: other}
        addresses: [999.1.1.1]
    `);
    assert.deepEqual(parsed.config, {});
    assert.deepEqual(
      parsed.problems.map((problem) => `${at(problem.range)} ${problem.message}`),
      [
        `2:50-2:55 dns.namespaceLabels: kubernetes.io/metadata.name is always the namespace's name ("kube-system"), not "other".`,
        '3:15-3:24 dns.addresses.0: "999.1.1.1" is not an IPv4 address.',
      ],
    );
  });

  it('checks a dns setting given by the editor like the file\'s', () => {
    assert.deepEqual(readDnsSetting({ podLabels: { app: 'coredns' } }), { dns: { ...DEFAULT_DNS, podLabels: { app: 'coredns' } }, problems: [] });
    assert.deepEqual(readDnsSetting({ ports: [{ port: 53, protocol: 'SCTP' }], namespaceLabels: { 'kubernetes.io/metadata.name': 'x' } }), {
      problems: ['dns.ports.0.protocol must be one of UDP, TCP.'],
    });
    assert.deepEqual(readDnsSetting({ namespaceLabels: { 'kubernetes.io/metadata.name': 'x' } }), {
      problems: [`dns.namespaceLabels: kubernetes.io/metadata.name is always the namespace's name ("kube-system"), not "x".`],
    });
    assert.deepEqual(readDnsSetting('kube-system'), { problems: ['dns must be object.'] });
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
    assert.deepEqual(merged, { rules: { a: 'error', b: 'warning' }, exclude: ['x/**', 'y'], sensitivePorts: [1], defaultNamespace: 'default', dns: DEFAULT_DNS });
    assert.equal(mergeConfigs({ defaultNamespace: 'shop' }, {}).defaultNamespace, 'shop');
    assert.deepEqual(mergeConfigs().sensitivePorts, DEFAULT_SENSITIVE_PORTS);
  });

  it('takes the cluster DNS of the last layer that sets it, whole', () => {
    const dnsSystem = { ...DEFAULT_DNS, namespace: 'dns-system' };
    assert.deepEqual(mergeConfigs().dns, DEFAULT_DNS);
    assert.deepEqual(mergeConfigs({ dns: dnsSystem }, {}).dns, dnsSystem);
    assert.deepEqual(mergeConfigs({ dns: dnsSystem }, { dns: DEFAULT_DNS }).dns, DEFAULT_DNS);
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
