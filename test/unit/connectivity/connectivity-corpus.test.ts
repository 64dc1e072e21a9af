import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../support/cli-harness';

// Real manifests written by others, beside the project; absent on some machines, so skip cleanly.
const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const BOUTIQUE = join(CORPUS, 'online-boutique');

const run = (args: string[]) => runCli(['connectivity', ...args]);

describe('connectivity on the third-party corpus', { skip: existsSync(BOUTIQUE) ? false : `no corpus at ${CORPUS}` }, () => {
  it('maps Online Boutique with its NetworkPolicies as checked by hand', async () => {
    const { code, out } = await run([join(BOUTIQUE, 'release/kubernetes-manifests.yaml'), join(BOUTIQUE, 'kustomize/components/network-policies')]);
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    const d = (name: string) => `default/${name}[Deployment]`;
    const services = ['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'loadgenerator', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'redis-cart', 'shippingservice'];
    // deny-all isolates everything; every policy's `egress: [{}]` (and loadgenerator's) reopens egress
    // to everything; frontend's `ingress: [{}]` admits every source on every port; the other services
    // admit their callers on one TCP port each; nobody may reach loadgenerator.
    const expected = [
      `0.0.0.0/0 => ${d('frontend')} : All Connections`,
      ...services.map((service) => `${d(service)} => 0.0.0.0/0 : All Connections`),
      ...services.filter((service) => service !== 'frontend').map((service) => `${d(service)} => ${d('frontend')} : All Connections`),
      `${d('cartservice')} => ${d('redis-cart')} : TCP 6379`,
      `${d('checkoutservice')} => ${d('cartservice')} : TCP 7070`,
      `${d('checkoutservice')} => ${d('currencyservice')} : TCP 7000`,
      `${d('checkoutservice')} => ${d('emailservice')} : TCP 8080`,
      `${d('checkoutservice')} => ${d('paymentservice')} : TCP 50051`,
      `${d('checkoutservice')} => ${d('productcatalogservice')} : TCP 3550`,
      `${d('checkoutservice')} => ${d('shippingservice')} : TCP 50051`,
      `${d('frontend')} => ${d('adservice')} : TCP 9555`,
      `${d('frontend')} => ${d('cartservice')} : TCP 7070`,
      `${d('frontend')} => ${d('checkoutservice')} : TCP 5050`,
      `${d('frontend')} => ${d('currencyservice')} : TCP 7000`,
      `${d('frontend')} => ${d('productcatalogservice')} : TCP 3550`,
      `${d('frontend')} => ${d('recommendationservice')} : TCP 8080`,
      `${d('frontend')} => ${d('shippingservice')} : TCP 50051`,
      `${d('recommendationservice')} => ${d('productcatalogservice')} : TCP 3550`,
    ];
    assert.deepEqual([...lines].sort(), [...expected].sort());
  });

  it('reads the whole corpus without failing, with JSON valid against the schema', async () => {
    const { code, out, err } = await run(['--format', 'json', CORPUS]);
    assert.equal(code, 0, err);
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/connectivity-output.schema.json'), 'utf8'));
    const ajv = new Ajv();
    assert.ok(ajv.validate(schema, JSON.parse(out)), JSON.stringify(ajv.errors?.slice(0, 3)));
    // Only the files the corpus documents as broken may be reported as not parsing.
    const broken = new Set([...err.matchAll(/^(.*?):\d+:\d+: warning: skipped a document that does not parse/gm)].map((match) => match[1].slice(CORPUS.length + 1)));
    assert.deepEqual([...broken].sort(), [
      'ingress-nginx/docs-extracted/docs/user-guide/multiple-ingress.yaml',
      'ingress-nginx/docs-extracted/docs/user-guide/tls.yaml',
      'linkerd/test/integration/deep/dualstack/testdata/ipfamilies-policy.yml',
    ]);
  });
});
