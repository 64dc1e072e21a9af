// Run by netpol-schema.test.ts in a child process started with `--conditions=import`: kubernetes-models
// is ESM-only (its exports have no `require` condition), so the CommonJS test process cannot load it.
// Reads a JSON list of NetworkPolicy values on stdin; writes, for each, the sorted instancePaths of the
// errors of kubernetes-models' NetworkPolicy.validate() (ajv, compiled from the Kubernetes OpenAPI schema).
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const values = JSON.parse(input) as unknown[];
  const results = values.map((value) => {
    try {
      new NetworkPolicy(value as ConstructorParameters<typeof NetworkPolicy>[0]).validate();
      return [];
    } catch (error) {
      const errors = (error as { errors?: { instancePath: string }[] }).errors ?? [];
      return [...new Set(errors.map((entry) => entry.instancePath))].sort();
    }
  });
  process.stdout.write(JSON.stringify(results));
});
