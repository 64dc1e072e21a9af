import { didYouMean } from '../policy/did-you-mean';

/**
 * The declared port name that an unknown one most likely misspells, for a "did you mean" fix.
 * Undefined when no declared name is close, or when two are equally close (`htp` between `http`
 * and `ftp`): which one was meant would be a guess.
 */
export function misspelledPortName(name: string, declared: Iterable<string>): string | undefined {
  const candidates = [...new Set(declared)].filter((candidate) => candidate !== name);
  const meant = didYouMean(name, candidates);
  if (meant === undefined) return undefined;
  // didYouMean keeps the first of equally close names: put first, a name as close as `meant`
  // displaces it (or, shorter, makes the answer undefined); a farther one never does.
  const tied = candidates.some((other) => other !== meant && didYouMean(name, [other, meant]) !== meant);
  return tied ? undefined : meant;
}
