import { ALL_RULES } from '../engine';
import { ExitCode, type CommandIO } from './command-io';

/** `kube-netsec rules`: the registered rules, as a table or as JSON. */
export function runRules(format: 'text' | 'json', io: CommandIO): ExitCode {
  const rules = ALL_RULES.map(({ id, severity, category, title }) => ({ id, severity, category, title }));
  if (format === 'json') {
    io.out(JSON.stringify(rules, null, 2));
    return ExitCode.Clean;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) io.out(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.category.padEnd(14)}  ${rule.title}`);
  return ExitCode.Clean;
}
