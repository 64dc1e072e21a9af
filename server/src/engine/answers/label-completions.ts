import { isControllerAddedLabel } from '../model/controller-labels';
import type { Labels } from '../model/labels';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import { readsAsAnotherType } from '../fixes/yaml-style';
import type { CompletionAnswer } from './answer';
import type { CompletionSite } from './completion-site';
import { cappedList, plural } from './name-lists';

/** What a selector chooses among: the pods of some workloads, or namespaces. */
export interface LabelPopulation {
  noun: 'workload' | 'namespace';
  members: readonly { name: string; labels: Labels }[];
}

/** The label keys of the population, each with how many members carry it (`except`: keys already written). */
export function labelKeyCompletions(population: LabelPopulation, site: CompletionSite, except: readonly string[] = []): CompletionAnswer[] {
  const written = new Set(except.filter((key) => key !== site.word?.text));
  return [...valuesByKey(population)]
    .filter(([key]) => !written.has(key))
    .map(([key, values]) => {
      const carriers = new Set([...values.values()].flat());
      return {
        label: key,
        kind: 'label-key' as const,
        detail: `matches ${plural(carriers.size, population.noun)}`,
        documentation: `Values: ${cappedList([...values.keys()].sort())}`,
        ...insertionOf(site, key, site.part === 'key' && !site.colonWritten ? `${key}: ` : key),
        ...(site.word ? { range: site.word.range } : {}),
      };
    })
    .sort((a, b) => compare(a.label, b.label));
}

/** The values of `key` in the population, each with the members it matches. */
export function labelValueCompletions(population: LabelPopulation, site: CompletionSite, key: string, except: readonly string[] = []): CompletionAnswer[] {
  const written = new Set(except.filter((value) => value !== site.word?.text));
  const values = valuesByKey(population).get(key) ?? new Map<string, string[]>();
  return [...values]
    .filter(([value]) => !written.has(value))
    .map(([value, members]) => ({
      label: value,
      kind: population.noun === 'namespace' && key === NAMESPACE_NAME_LABEL ? ('namespace' as const) : ('label-value' as const),
      detail: `matches ${plural(members.length, population.noun)}`,
      documentation: cappedList(members),
      // Inside quotes the text goes in as it is; bare, a value YAML reads as a number or a boolean is quoted.
      ...insertionOf(site, value, !site.word?.quoted && readsAsAnotherType(value) ? JSON.stringify(value) : value),
      ...(site.word ? { range: site.word.range } : {}),
    }))
    .sort((a, b) => compare(a.label, b.label));
}

/** `insertText` when the text to insert is not the label itself (a quoted value, a space after the colon). */
export function insertionOf(site: CompletionSite, label: string, text = label): { insertText?: string } {
  const inserted = (site.prefix ?? '') + text;
  return inserted === label ? {} : { insertText: inserted };
}

/** key → value → the names of the members with that label. Labels controllers add are no one's to select on. */
function valuesByKey(population: LabelPopulation): Map<string, Map<string, string[]>> {
  const byKey = new Map<string, Map<string, string[]>>();
  for (const member of population.members) {
    for (const [key, value] of Object.entries(member.labels)) {
      if (population.noun === 'workload' && isControllerAddedLabel(key)) continue;
      let values = byKey.get(key);
      if (!values) byKey.set(key, (values = new Map()));
      const names = values.get(value);
      if (names) names.push(member.name);
      else values.set(value, [member.name]);
    }
  }
  return byKey;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
