import packageJson from '../../../package.json';

/** Where a rule's page is in the project (and in the package): what `npm run docs` writes. */
export function rulePagePath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

type RepositoryField = string | { url?: string } | undefined;

/**
 * The web address of the project's repository, from package.json's `repository` (`git+https://…git`,
 * `https://…`, or `github:owner/name`); undefined while package.json names none.
 */
export function repositoryUrlOf(repository: RepositoryField): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}

export const REPOSITORY_URL = repositoryUrlOf((packageJson as { repository?: RepositoryField }).repository);

/**
 * The page of a rule on the repository's web view (GitHub and GitLab both serve `blob/HEAD/…`,
 * GitLab under `/-/`), for reports read away from the installed package (SARIF in code scanning).
 */
export function rulePageUrl(ruleId: string, repository: string | undefined = REPOSITORY_URL): string | undefined {
  if (!repository) return undefined;
  const blob = new URL(repository).hostname.includes('gitlab') ? '-/blob' : 'blob';
  return `${repository}/${blob}/HEAD/${rulePagePath(ruleId)}`;
}
