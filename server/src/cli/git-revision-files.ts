import { execFile, spawn } from 'node:child_process';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { noticesOf, parseManifest, type ManifestFile } from '../engine';
import { CONFIG_FILE_NAME } from '../engine/config/config-file';
import { isExcluded } from '../engine/config/exclude';
import type { CommandIO } from './command-io';
import type { Exclusion } from './read-manifests';
import { skippedDocumentsOf } from './skipped-content';

/** Git is missing, the folder is not in a repository, or the revision names no commit: a usage error (exit 2). */
export class GitRevisionError extends Error {}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MAX_OUTPUT = 1024 * 1024 * 1024;

/**
 * The manifests under `paths` as they are in revision `ref`, read from git's object store (`git
 * ls-tree`, then `git cat-file --batch`): the working tree is never touched. Files are chosen as
 * `readManifests` chooses them in the working tree (*.yaml, *.yml, *.json in folders, node_modules
 * and .git left out, the configuration's exclusions and files applied, a file named explicitly
 * always taken), and named `REF:PATH` with PATH as the working-tree file would be named.
 */
export async function readRevisionManifests(ref: string, paths: readonly string[], exclusion: Exclusion, io: CommandIO, cwd = process.cwd()): Promise<ManifestFile[]> {
  if (ref.startsWith('-')) throw new GitRevisionError(`--git ${ref}: a revision cannot start with "-"`);
  const commit = (
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd).catch((error: unknown) => {
      // A revision that names nothing fails quietly (--quiet): git says nothing, we say what it is.
      const problem = error instanceof GitRevisionError ? error.message : (gitProblem(error) ?? 'no commit of this repository has that name');
      throw new GitRevisionError(`--git ${ref}: ${problem}`);
    })
  ).trim();
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  const listing = await git(['ls-tree', '-r', '-z', '--full-name', commit, '--', ...paths], cwd);
  const explicit = new Set(paths.map((path) => resolve(cwd, path)));
  const entries = listing
    .split('\0')
    .filter((line) => line !== '')
    .flatMap((line) => {
      const [meta, name] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
      const [, type, object] = meta.split(' ');
      const absolute = resolve(top, name);
      return type === 'blob' && chosen(absolute, explicit, exclusion) ? [{ object, display: displayName(absolute, cwd) }] : [];
    });
  const texts = await catBlobs(entries.map((entry) => entry.object), cwd);
  return entries.map((entry, index) => {
    const name = `${ref}:${entry.display}`;
    const file = parseManifest(name, texts[index]);
    for (const notice of noticesOf(file)) io.error(`${name}:${notice.range.start.line + 1}:${notice.range.start.character + 1}: note: ${notice.message}`);
    for (const document of skippedDocumentsOf(file)) io.error(`${name}:${document.line}:${document.column}: warning: ${document.reason}`);
    return file;
  });
}

function chosen(absolute: string, explicit: ReadonlySet<string>, { exclude, baseDir, configFile }: Exclusion): boolean {
  if (explicit.has(absolute)) return true;
  const parts = absolute.split(sep);
  if (parts.some((part) => SKIPPED_DIRECTORIES.has(part))) return false;
  if (!MANIFEST_EXTENSIONS.some((extension) => absolute.toLowerCase().endsWith(extension))) return false;
  if (absolute === configFile || basename(absolute) === CONFIG_FILE_NAME) return false;
  return !isExcluded(relative(baseDir, absolute).split(sep).join('/'), exclude);
}

function displayName(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  return path.startsWith('..') || isAbsolute(path) ? absolute : path.split(sep).join('/');
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const problem = gitProblem(error) ?? firstLine(stderr);
      if (problem) return fail(new GitRevisionError(problem));
      fail(Object.assign(error, { stderr }));
    });
  });
}

/** What went wrong, in plain words, when git itself is missing or says why it refused. */
function gitProblem(error: unknown): string | undefined {
  const { code, stderr } = error as { code?: unknown; stderr?: string };
  if (code === 'ENOENT') return 'git is not installed (or not on the PATH): --git needs it';
  return stderr ? firstLine(stderr) : undefined;
}

function firstLine(text: string): string | undefined {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '');
  return line?.replace(/^fatal: /, '').trim();
}

/** The blobs' contents, in order, from one `git cat-file --batch` (one process, however many files). */
function catBlobs(objects: readonly string[], cwd: string): Promise<string[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => fail(new GitRevisionError(gitProblem(error) ?? error.message)));
    child.on('close', (code) => {
      if (code !== 0) return fail(new GitRevisionError(firstLine(stderr) ?? `git cat-file exited with status ${code}`));
      try {
        done(splitBatch(Buffer.concat(chunks), objects.length));
      } catch (error) {
        fail(error);
      }
    });
    child.stdin.end(objects.join('\n') + '\n');
  });
}

// Each answer is "<object> blob <size>\n<size bytes>\n".
function splitBatch(output: Buffer, count: number): string[] {
  const texts: string[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const end = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, end).toString('utf8').split(' ');
    if (header[1] !== 'blob') throw new GitRevisionError(`git cat-file: unexpected answer "${header.join(' ')}"`);
    const size = Number(header[2]);
    texts.push(output.subarray(end + 1, end + 1 + size).toString('utf8'));
    offset = end + 1 + size + 1;
  }
  return texts;
}
