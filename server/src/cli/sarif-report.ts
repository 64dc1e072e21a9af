import type * as Sarif from 'sarif';
import { ALL_RULES, type FileEdit, type Finding, type RelatedLocation, type Rule, type Severity, type SourceRange } from '../engine';
import { leadSentences } from '../engine/answers/markdown-text';
import type { Suppression } from '../engine/suppression/suppression';
import { VERSION } from '../version';
import { ReportPaths } from './report-paths';
import { REPOSITORY_URL, rulePageUrl } from './rule-page';
import type { SkippedFile } from './skipped-content';

/** One finding as SARIF reports it: with its fingerprint, the suppression that hid it, its checked fixes. */
export interface SarifEntry {
  finding: Finding;
  fingerprint: string;
  suppression?: Suppression;
  fixes: readonly { title: string; edits: readonly FileEdit[] }[];
}

export interface SarifInput {
  entries: readonly SarifEntry[];
  skipped: readonly SkippedFile[];
  paths: ReportPaths;
  /** The rules' repository pages are linked from here (package.json's `repository` by default). */
  repository?: string;
}

/** The key of our fingerprint in `partialFingerprints`, versioned as SARIF recommends. */
export const FINGERPRINT_KEY = 'kubeNetsecFinding/v1';

/** The base id artifact locations are relative to. */
export const SOURCE_ROOT = 'SRCROOT';

const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * GitHub code scanning ranks security alerts by `security-severity` (a number as a string: 9.0 and
 * above critical, 7.0 high, 4.0 medium, below low): the rule's default severity maps onto that scale.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '3.0', hint: '1.0' };

/**
 * A SARIF 2.1.0 log of one run: the tool with every rule (so that code scanning can describe
 * them), each finding as a result located relative to `%SRCROOT%`, suppressed ones marked so.
 */
export function formatSarif({ entries, skipped, paths, repository = REPOSITORY_URL }: SarifInput): string {
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(repository) },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: paths.baseUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: skipped.map((file) => skippedNotification(file, paths)) }],
        results: entries.map((entry) => result(entry, ruleIndex.get(entry.finding.ruleId), paths)),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function driver(repository: string | undefined): Sarif.ToolComponent {
  return {
    name: 'kube-netsec',
    version: VERSION,
    semanticVersion: VERSION,
    ...(repository ? { informationUri: repository } : {}),
    rules: ALL_RULES.map((rule) => descriptor(rule, repository)),
  };
}

function descriptor(rule: Rule, repository: string | undefined): Sarif.ReportingDescriptor {
  const helpUri = rulePageUrl(rule.id, repository);
  const references = rule.references.map((reference) => `- ${reference}`).join('\n');
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: description(rule.explanation) },
    help: {
      text: `${rule.explanation}\n\nHow to fix it: ${rule.remediation}${references ? `\n\nReferences:\n${references}` : ''}`,
      markdown: [`**${rule.title}**`, rule.explanation, '**How to fix it**', rule.remediation, ...(references ? ['**References**', references] : [])].join('\n\n'),
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: ['security', 'kubernetes', rule.category], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

function result({ finding, fingerprint, suppression, fixes }: SarifEntry, index: number | undefined, paths: ReportPaths): Sarif.Result {
  const sarif: Sarif.Result = {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.uri, finding.range, paths), ...logicalLocations(finding) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    // The level folds info and hint together: the engine's own severity stays readable.
    properties: { severity: finding.severity },
  };
  if (finding.related && finding.related.length > 0) sarif.relatedLocations = finding.related.map((related, id) => relatedLocation(related, id, paths));
  if (suppression) sarif.suppressions = [{ kind: 'inSource', status: 'accepted', ...(suppression.reason ? { justification: suppression.reason } : {}), location: { physicalLocation: physicalLocation(finding.uri, suppression.range, paths) } }];
  if (fixes.length > 0) sarif.fixes = fixes.map((fix) => ({ description: { text: fix.title }, artifactChanges: fix.edits.map((edit) => artifactChange(edit, paths)) }));
  return sarif;
}

function logicalLocations(finding: Finding): Pick<Sarif.Location, 'logicalLocations'> {
  const object = finding.object;
  if (!object?.name) return {};
  const qualified = [object.kind, object.namespace, object.name].filter((part) => part !== undefined).join('/');
  return { logicalLocations: [{ name: object.name, fullyQualifiedName: qualified, kind: 'resource' }] };
}

function relatedLocation(related: RelatedLocation, id: number, paths: ReportPaths): Sarif.Location {
  return { id, physicalLocation: physicalLocation(related.uri, related.range, paths), message: { text: related.message } };
}

function artifactChange({ uri, edits }: FileEdit, paths: ReportPaths): Sarif.ArtifactChange {
  return {
    artifactLocation: artifactLocation(uri, paths),
    replacements: edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
  };
}

function skippedNotification(file: SkippedFile, paths: ReportPaths): Sarif.Notification {
  const text =
    file.reason === 'file-too-large'
      ? 'Not checked: the file is larger than kube-netsec checks.'
      : `Not checked${file.whole ? '' : ' in part'}: ${file.documents === 1 ? '1 document uses' : `${file.documents} documents use`} Helm/Go template syntax; check the output of \`helm template\` instead.`;
  return { level: 'note', message: { text }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file, paths) } }] };
}

function physicalLocation(file: string, range: SourceRange, paths: ReportPaths): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(file, paths), region: region(range) };
}

/** Relative to %SRCROOT% when the file is under the base; else its absolute file URL (standard input: `<stdin>`, escaped). */
export function artifactLocation(file: string, paths: ReportPaths): Sarif.ArtifactLocation {
  const relative = paths.relativePath(file);
  if (relative !== undefined) return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  if (paths.isStdin(file)) return { uri: encodeURIComponent(file) };
  return { uri: paths.fileUrl(file) };
}

// SARIF regions are 1-based, and their end column is that of the character after the region.
function region({ start, end }: SourceRange): Sarif.Region {
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Code scanning shows rule descriptions of up to 1024 characters: the lead sentences that fit (`help` has the rest). */
const DESCRIPTION_LIMIT = 1024;

function description(text: string): string {
  const lead = leadSentences(text, DESCRIPTION_LIMIT).text;
  return lead.length <= DESCRIPTION_LIMIT ? lead : `${lead.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}
