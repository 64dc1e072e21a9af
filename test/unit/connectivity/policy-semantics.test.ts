// One scenario per semantic point of the connectivity specification, each with its exact connection list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../support/dedent';
import { connectionLines, pod } from './scenario';

const ALL = 'All Connections';
const policy = (body: string, metadata = '{name: p}') => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: ${metadata}\n${body.trim()}\n`;

describe('connectivity: isolation and policyTypes', () => {
  it('allows everything, external included, without policies', () => {
    assert.deepEqual(connectionLines(pod('a') + pod('b')), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
      `default/a[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/a[Pod] => default/b[Pod] : ${ALL}`,
      `default/b[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => default/a[Pod] : ${ALL}`,
    ]);
  });

  it('default-deny ingress (empty rules) leaves egress open', () => {
    const expected = [`default/a[Pod] => 0.0.0.0/0 : ${ALL}`, `default/b[Pod] => 0.0.0.0/0 : ${ALL}`];
    assert.deepEqual(connectionLines(pod('a') + pod('b') + policy('spec: {podSelector: {}, policyTypes: [Ingress]}')), expected);
    // Without policyTypes a policy always affects ingress; `ingress: []` allows nothing.
    assert.deepEqual(connectionLines(pod('a') + pod('b') + policy('spec: {podSelector: {}, ingress: []}')), expected);
    assert.deepEqual(connectionLines(pod('a') + pod('b') + policy('spec: {podSelector: {}}')), expected);
  });

  it('default-deny egress (empty rules) leaves ingress open', () => {
    assert.deepEqual(connectionLines(pod('a') + pod('b') + policy('spec: {podSelector: {}, policyTypes: [Egress], egress: []}')), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
    ]);
  });

  it('an egress-only policy restricts only the egress of the pods it selects', () => {
    const files = pod('a', { app: 'a' }) + pod('b', { app: 'b' }) + policy(yaml`
      spec:
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        egress:
          - to: [{podSelector: {matchLabels: {app: b}}}]
            ports: [{port: 80}]
    `);
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
      'default/a[Pod] => default/b[Pod] : TCP 80',
      `default/b[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => default/a[Pod] : ${ALL}`,
    ]);
  });

  it('without policyTypes, egress rules make the policy affect egress too (and ingress, with no rule: denied)', () => {
    const files = pod('a', { app: 'a' }) + pod('b', { app: 'b' }) + policy(yaml`
      spec:
        podSelector: {matchLabels: {app: a}}
        egress: [{to: [{podSelector: {matchLabels: {app: b}}}], ports: [{port: 80}]}]
    `);
    const expected = [`0.0.0.0/0 => default/b[Pod] : ${ALL}`, 'default/a[Pod] => default/b[Pod] : TCP 80', `default/b[Pod] => 0.0.0.0/0 : ${ALL}`];
    assert.deepEqual(connectionLines(files), expected);
    // The API server defaults an empty policyTypes list like an absent one.
    assert.deepEqual(connectionLines(files.replace('podSelector: {matchLabels: {app: a}}', 'podSelector: {matchLabels: {app: a}}\n  policyTypes: []')), expected);
  });

  it('ignores the ingress rules of a policy whose policyTypes is [Egress]', () => {
    const files = pod('a', { app: 'a' }) + pod('b', { app: 'b' }) + policy(yaml`
      spec:
        podSelector: {matchLabels: {app: a}}
        policyTypes: [Egress]
        ingress: [{from: [{podSelector: {matchLabels: {app: nobody}}}]}]
    `);
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
      `default/b[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => default/a[Pod] : ${ALL}`,
    ]);
  });

  it('unites what every selecting policy and rule allows, and intersects egress with ingress', () => {
    const files =
      pod('a', { app: 'a' }) +
      pod('b', { app: 'b' }) +
      policy('spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{ports: [{port: 80, endPort: 90}]}]}', '{name: a-out}') +
      policy('spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{ports: [{protocol: UDP, port: 53}]}]}', '{name: a-dns}') +
      policy('spec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: 85, endPort: 100}]}, {ports: [{protocol: UDP}]}]}', '{name: b-in}');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      '0.0.0.0/0 => default/b[Pod] : TCP 85-100,UDP 1-65535',
      'default/a[Pod] => 0.0.0.0/0 : TCP 80-90,UDP 53',
      'default/a[Pod] => default/b[Pod] : TCP 85-90,UDP 53',
      `default/b[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => default/a[Pod] : ${ALL}`,
    ]);
  });

  it('reads a null rule as the empty rule and a null ports entry as every TCP port, as the API server decodes them', () => {
    const files = pod('a') + pod('b', { app: 'b' }) + policy('spec:\n  podSelector: {matchLabels: {app: b}}\n  ingress:\n    -\n  egress:\n    - ports: [null]');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
      `default/a[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/a[Pod] => default/b[Pod] : ${ALL}`,
      'default/b[Pod] => 0.0.0.0/0 : TCP 1-65535',
      'default/b[Pod] => default/a[Pod] : TCP 1-65535',
    ]);
  });

  it('admits nothing through peers Kubernetes would refuse (no field, ipBlock with a selector), while still isolating', () => {
    const files =
      pod('a', { app: 'a' }) +
      pod('b', { app: 'b' }) +
      policy('spec: {podSelector: {matchLabels: {app: b}}, ingress: [{from: [{}, {ipBlock: {cidr: 0.0.0.0/0}, podSelector: {}}, {podSelector: {matchExpressions: [{key: app, operator: in, values: [a]}]}}]}]}');
    assert.deepEqual(connectionLines(files), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, `default/a[Pod] => 0.0.0.0/0 : ${ALL}`, `default/b[Pod] => 0.0.0.0/0 : ${ALL}`, `default/b[Pod] => default/a[Pod] : ${ALL}`]);
  });

  it('selects only workloads of the policy namespace', () => {
    const files = pod('a', { app: 'a' }, { namespace: 'one' }) + pod('a', { app: 'a' }, { namespace: 'two' }) + policy('spec: {podSelector: {}}', '{name: deny, namespace: one}');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => two/a[Pod] : ${ALL}`,
      `one/a[Pod] => 0.0.0.0/0 : ${ALL}`,
      `one/a[Pod] => two/a[Pod] : ${ALL}`,
      `two/a[Pod] => 0.0.0.0/0 : ${ALL}`,
    ]);
  });
});

describe('connectivity: selectors', () => {
  // Three pods: `db` (tier=db), `none` (no tier), `web` (tier=web); the policy denies ingress to what it selects.
  const pods = pod('db', { tier: 'db' }) + pod('none') + pod('web', { tier: 'web' });
  const denyIngressTo = (selector: string) => connectionLines(pods + policy(`spec: {podSelector: ${selector}, policyTypes: [Ingress]}`));
  const reachable = (...names: string[]) => {
    const all = ['db', 'none', 'web'];
    const lines = names.map((name) => `0.0.0.0/0 => default/${name}[Pod] : ${ALL}`);
    for (const from of all) {
      lines.push(`default/${from}[Pod] => 0.0.0.0/0 : ${ALL}`);
      for (const to of names) if (to !== from) lines.push(`default/${from}[Pod] => default/${to}[Pod] : ${ALL}`);
    }
    return lines;
  };

  it('matchExpressions In', () => assert.deepEqual(denyIngressTo('{matchExpressions: [{key: tier, operator: In, values: [web]}]}'), reachable('db', 'none')));
  it('matchExpressions NotIn, which selects pods without the key', () =>
    assert.deepEqual(denyIngressTo('{matchExpressions: [{key: tier, operator: NotIn, values: [web]}]}'), reachable('web')));
  it('matchExpressions Exists', () => assert.deepEqual(denyIngressTo('{matchExpressions: [{key: tier, operator: Exists}]}'), reachable('none')));
  it('matchExpressions DoesNotExist, which selects pods without the key', () =>
    assert.deepEqual(denyIngressTo('{matchExpressions: [{key: tier, operator: DoesNotExist}]}'), reachable('db', 'web')));
  it('matchLabels AND matchExpressions', () =>
    assert.deepEqual(denyIngressTo('{matchLabels: {tier: web}, matchExpressions: [{key: tier, operator: In, values: [db]}]}'), reachable('db', 'none', 'web')));
  it('a selector Kubernetes would refuse (unknown operator) selects nothing', () =>
    assert.deepEqual(denyIngressTo('{matchExpressions: [{key: tier, operator: Equals, values: [web]}]}'), reachable('db', 'none', 'web')));

  // Namespaces: prod (object, env=prod) with api and client; dev (object, env=dev) with client and other.
  const cluster = yaml`
    {apiVersion: v1, kind: Namespace, metadata: {name: prod, labels: {env: prod}}}
    ---
    {apiVersion: v1, kind: Namespace, metadata: {name: dev, labels: {env: dev}}}
  ` + pod('api', { app: 'api' }, { namespace: 'prod' }) + pod('client', { app: 'client' }, { namespace: 'prod' }) + pod('client', { app: 'client' }, { namespace: 'dev' }) + pod('other', { app: 'other' }, { namespace: 'dev' });
  const toApi = (from: string) =>
    connectionLines(cluster + policy(`spec: {podSelector: {matchLabels: {app: api}}, ingress: [{from: ${from}, ports: [{port: 443}]}]}`, '{name: api, namespace: prod}')).filter((line) =>
      line.includes('=> prod/api[Pod]'),
    );

  it('namespaceSelector and podSelector in one peer: both must match', () => {
    assert.deepEqual(toApi('[{namespaceSelector: {matchLabels: {env: dev}}, podSelector: {matchLabels: {app: client}}}]'), ['dev/client[Pod] => prod/api[Pod] : TCP 443']);
  });

  it('namespaceSelector and podSelector as two peers: either may match (podSelector alone means the policy namespace)', () => {
    assert.deepEqual(toApi('[{namespaceSelector: {matchLabels: {env: dev}}}, {podSelector: {matchLabels: {app: client}}}]'), [
      'dev/client[Pod] => prod/api[Pod] : TCP 443',
      'dev/other[Pod] => prod/api[Pod] : TCP 443',
      'prod/client[Pod] => prod/api[Pod] : TCP 443',
    ]);
  });

  it('namespaceSelector: {} admits every workload of every namespace, but no external address', () => {
    assert.deepEqual(toApi('[{namespaceSelector: {}}]'), ['dev/client[Pod] => prod/api[Pod] : TCP 443', 'dev/other[Pod] => prod/api[Pod] : TCP 443', 'prod/client[Pod] => prod/api[Pod] : TCP 443']);
  });

  it('an empty peer list admits everything, external addresses included', () => {
    assert.deepEqual(toApi('[]'), [
      '0.0.0.0/0 => prod/api[Pod] : TCP 443',
      'dev/client[Pod] => prod/api[Pod] : TCP 443',
      'dev/other[Pod] => prod/api[Pod] : TCP 443',
      'prod/client[Pod] => prod/api[Pod] : TCP 443',
    ]);
  });

  it('namespace labels come from Namespace objects; implicit namespaces have only kubernetes.io/metadata.name', () => {
    const files =
      yaml`{apiVersion: v1, kind: Namespace, metadata: {name: team-a, labels: {team: a}}}` +
      pod('x', {}, { namespace: 'team-a' }) +
      pod('y', {}, { namespace: 'team-b' }) +
      pod('target', {}, { namespace: 'shared' });
    const admitted = (selector: string) =>
      connectionLines(files + policy(`spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: ${selector}}]}]}`, '{name: p, namespace: shared}')).filter((line) =>
        line.includes('=> shared/target[Pod]'),
      );
    assert.deepEqual(admitted('{matchLabels: {team: a}}'), [`team-a/x[Pod] => shared/target[Pod] : ${ALL}`]);
    assert.deepEqual(admitted('{matchLabels: {team: b}}'), []);
    assert.deepEqual(admitted('{matchLabels: {kubernetes.io/metadata.name: team-b}}'), [`team-b/y[Pod] => shared/target[Pod] : ${ALL}`]);
    assert.deepEqual(admitted('{matchLabels: {kubernetes.io/metadata.name: team-a}}'), [`team-a/x[Pod] => shared/target[Pod] : ${ALL}`]);
  });

  it('treats "", "default" and no namespace as one namespace, for objects and policies alike', () => {
    const files =
      pod('a', { app: 'a' }) +
      pod('b', { app: 'b' }, { namespace: '' }) +
      pod('c', { app: 'c' }, { namespace: 'default' }) +
      policy('spec: {podSelector: {matchLabels: {app: c}}, ingress: [{from: [{podSelector: {matchLabels: {app: a}}}, {podSelector: {matchLabels: {app: b}}}]}]}', '{name: p, namespace: ""}');
    assert.deepEqual(
      connectionLines(files).filter((line) => line.includes('=> default/c[Pod]')),
      [`default/a[Pod] => default/c[Pod] : ${ALL}`, `default/b[Pod] => default/c[Pod] : ${ALL}`],
    );
  });
});

describe('connectivity: ports', () => {
  // b1 and b2 both name a port "http", with different numbers; b3's "http" is UDP.
  const backends =
    pod('a', { app: 'a' }) +
    pod('b1', { app: 'b' }, { ports: '[{name: http, containerPort: 8080}]' }) +
    pod('b2', { app: 'b' }, { ports: '[{name: http, containerPort: 9090, protocol: TCP}, {name: metrics, containerPort: 9100}]' }) +
    pod('b3', { app: 'b' }, { ports: '[{name: http, containerPort: 53, protocol: UDP}]' });

  it('resolves a named egress port on each destination, with the same protocol; never toward external addresses', () => {
    const files = backends + policy('spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{ports: [{port: http}]}]}');
    assert.deepEqual(
      connectionLines(files).filter((line) => line.startsWith('default/a[Pod]')),
      ['default/a[Pod] => default/b1[Pod] : TCP 8080', 'default/a[Pod] => default/b2[Pod] : TCP 9090'],
    );
    const udp = backends + policy('spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{ports: [{port: http, protocol: UDP}]}]}');
    assert.deepEqual(
      connectionLines(udp).filter((line) => line.startsWith('default/a[Pod]')),
      ['default/a[Pod] => default/b3[Pod] : UDP 53'],
    );
  });

  it('resolves a named ingress port on the selected workload, also for external sources; unknown names allow nothing', () => {
    const files = backends + policy('spec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: http}, {port: nope}]}]}');
    assert.deepEqual(
      connectionLines(files).filter((line) => /=> default\/b\d/.test(line)),
      [
        '0.0.0.0/0 => default/b1[Pod] : TCP 8080',
        '0.0.0.0/0 => default/b2[Pod] : TCP 9090',
        'default/a[Pod] => default/b1[Pod] : TCP 8080',
        'default/a[Pod] => default/b2[Pod] : TCP 9090',
        'default/b1[Pod] => default/b2[Pod] : TCP 9090',
        'default/b2[Pod] => default/b1[Pod] : TCP 8080',
        'default/b3[Pod] => default/b1[Pod] : TCP 8080',
        'default/b3[Pod] => default/b2[Pod] : TCP 9090',
      ],
    );
  });

  it('does not count init containers\' ports for named ports', () => {
    const files = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: b, labels: {app: b}}
      spec:
        initContainers: [{name: proxy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}]
        containers: [{name: main}]
    ` + pod('a') + policy('spec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: proxy}]}]}');
    assert.deepEqual(connectionLines(files), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, `default/a[Pod] => 0.0.0.0/0 : ${ALL}`, `default/b[Pod] => 0.0.0.0/0 : ${ALL}`, `default/b[Pod] => default/a[Pod] : ${ALL}`]);
  });

  it('reads endPort ranges, protocol defaulting to TCP, no port meaning all ports of the protocol, and refuses invalid entries', () => {
    const files = pod('a') + pod('b', { app: 'b' }) + policy(yaml`
      spec:
        podSelector: {matchLabels: {app: b}}
        ingress:
          - ports:
              - {port: 8000, endPort: 8080}
              - {port: 8081}
              - {protocol: SCTP}
              - {protocol: UDP, port: 5000, endPort: 5001}
              - {protocol: ICMP, port: 1}
              - {port: 100, endPort: 90}
              - {port: 70000}
    `);
    assert.deepEqual(connectionLines(files).filter((line) => line.includes('=> default/b')), [
      '0.0.0.0/0 => default/b[Pod] : TCP 8000-8081,UDP 5000-5001,SCTP 1-65535',
      'default/a[Pod] => default/b[Pod] : TCP 8000-8081,UDP 5000-5001,SCTP 1-65535',
    ]);
  });

  it('ignores Services: no peers and no port translation (policy ports meet container ports directly)', () => {
    const files =
      pod('a') +
      pod('b', { app: 'b' }, { ports: '[{containerPort: 8080}]' }) +
      yaml`
        ---
        {apiVersion: v1, kind: Service, metadata: {name: b}, spec: {selector: {app: b}, ports: [{port: 80, targetPort: 8080}]}}
      ` +
      policy('spec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: 80}]}]}');
    assert.deepEqual(connectionLines(files).filter((line) => line.includes('=> default/b')), ['0.0.0.0/0 => default/b[Pod] : TCP 80', 'default/a[Pod] => default/b[Pod] : TCP 80']);
  });
});

describe('connectivity: external addresses', () => {
  it('splits external sources into the right CIDR blocks: cidr minus except, neighbours with the same ports merged', () => {
    const files = pod('a') + policy(yaml`
      spec:
        podSelector: {}
        ingress:
          - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
            ports: [{port: 443}]
          - from: [{ipBlock: {cidr: 10.1.0.0/17}}]
            ports: [{port: 443}]
          - from: [{ipBlock: {cidr: 192.168.0.0/16}}, {ipBlock: {cidr: 192.168.7.0/24}}]
            ports: [{protocol: UDP, port: 53}]
          - from: [{ipBlock: {cidr: 192.168.7.0/24}}]
            ports: [{port: 443}]
    `);
    assert.deepEqual(connectionLines(files), [
      '10.0.0.0/16 => default/a[Pod] : TCP 443',
      '10.1.0.0/17 => default/a[Pod] : TCP 443',
      '10.2.0.0/15 => default/a[Pod] : TCP 443',
      '10.4.0.0/14 => default/a[Pod] : TCP 443',
      '10.8.0.0/13 => default/a[Pod] : TCP 443',
      '10.16.0.0/12 => default/a[Pod] : TCP 443',
      '10.32.0.0/11 => default/a[Pod] : TCP 443',
      '10.64.0.0/10 => default/a[Pod] : TCP 443',
      '10.128.0.0/9 => default/a[Pod] : TCP 443',
      '192.168.0.0/22 => default/a[Pod] : UDP 53',
      '192.168.4.0/23 => default/a[Pod] : UDP 53',
      '192.168.6.0/24 => default/a[Pod] : UDP 53',
      '192.168.7.0/24 => default/a[Pod] : TCP 443,UDP 53',
      '192.168.8.0/21 => default/a[Pod] : UDP 53',
      '192.168.16.0/20 => default/a[Pod] : UDP 53',
      '192.168.32.0/19 => default/a[Pod] : UDP 53',
      '192.168.64.0/18 => default/a[Pod] : UDP 53',
      '192.168.128.0/17 => default/a[Pod] : UDP 53',
      `default/a[Pod] => 0.0.0.0/0 : ${ALL}`,
    ]);
  });

  it('egress to 0.0.0.0/0 alone allows no workload destination (an ipBlock never matches workloads)', () => {
    const files = pod('a', { app: 'a' }) + pod('b') + policy('spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/b[Pod] : ${ALL}`,
      `default/a[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/b[Pod] => default/a[Pod] : ${ALL}`,
    ]);
  });

  it('splits egress destinations too, and a named port toward an external address allows nothing', () => {
    const files = pod('a', {}, { ports: '[{name: https, containerPort: 443}]' }) + policy(yaml`
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [0.0.0.0/1]}}]
            ports: [{port: 443}]
          - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
            ports: [{port: https}]
    `);
    assert.deepEqual(connectionLines(files), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, 'default/a[Pod] => 128.0.0.0/1 : TCP 443']);
  });

  it('reads IPv4 only: an IPv6 ipBlock admits nothing reported; an unreadable CIDR admits nothing', () => {
    const files = pod('a') + policy('spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: "fd00::/8"}}, {ipBlock: {cidr: 10.0.0.0}}, {ipBlock: {cidr: 10.0.0.0/8, except: [bad]}}]}]}');
    assert.deepEqual(connectionLines(files), [`default/a[Pod] => 0.0.0.0/0 : ${ALL}`]);
  });
});

describe('connectivity: workloads as peers', () => {
  it('reports pods by controller owner, merges pods of one owner, and never reports self connections', () => {
    const owned = (name: string, owner: string, labels: Record<string, string>) =>
      `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}, ownerReferences: [${owner}]}\n`;
    const files =
      owned('web-5d9c7-aaaaa', '{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c7, controller: true}', { app: 'web' }) +
      owned('web-5d9c7-bbbbb', '{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c7, controller: true}', { app: 'web' }) +
      owned('etcd-node1', '{apiVersion: v1, kind: Node, name: node1, controller: true}', { app: 'etcd' }) +
      owned('orphan', '{name: owner-without-kind, controller: true}', { app: 'orphan' }) +
      policy('spec: {podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}], egress: [{to: [{podSelector: {}}]}]}');
    assert.deepEqual(connectionLines(files), [
      `default/web-5d9c7[ReplicaSet] => default/etcd-node1[Pod] : ${ALL}`,
      `default/web-5d9c7[ReplicaSet] => default/owner-without-kind[Pod] : ${ALL}`,
    ]);
  });

  it('reads CronJob pod labels from the jobTemplate', () => {
    const files = yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, labels: {app: not-this}}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              metadata: {labels: {app: report}}
              spec: {containers: [{name: main}]}
    ` + pod('a') + policy('spec: {podSelector: {matchLabels: {app: report}}, policyTypes: [Egress]}');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `0.0.0.0/0 => default/report[CronJob] : ${ALL}`,
      `default/a[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/a[Pod] => default/report[CronJob] : ${ALL}`,
    ]);
  });

  it('treats host-network pods like any other pod', () => {
    const files = yaml`
      {apiVersion: v1, kind: Pod, metadata: {name: node-agent, labels: {app: agent}}, spec: {hostNetwork: true, containers: [{name: main}]}}
    ` + pod('a') + policy('spec: {podSelector: {matchLabels: {app: agent}}, policyTypes: [Ingress, Egress]}');
    assert.deepEqual(connectionLines(files), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, `default/a[Pod] => 0.0.0.0/0 : ${ALL}`]);
  });

  it('flattens PodList and List items across files, items without kind taking the list element kind', () => {
    const pods = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { resourceVersion: '' },
      items: [{ metadata: { name: 'a', namespace: 'x', labels: { app: 'a' } } }, { metadata: { name: 'b', namespace: 'x', labels: { app: 'b' } } }],
    });
    const policies = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny, namespace: x}
          spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Ingress, Egress]}
    `;
    assert.deepEqual(connectionLines(pods, policies), [`0.0.0.0/0 => x/b[Pod] : ${ALL}`, `x/b[Pod] => 0.0.0.0/0 : ${ALL}`]);
  });

  it('reports nothing when there is no workload, and nothing when everything is denied', () => {
    assert.deepEqual(connectionLines(policy('spec: {podSelector: {}}')), []);
    assert.deepEqual(connectionLines(pod('a') + pod('b') + policy('spec: {podSelector: {}, policyTypes: [Ingress, Egress]}')), []);
  });
});
