/**
 * The order `kubectl apply -R -f DIR` reads files in, for paths or URIs of one tree: folder by
 * folder, each folder's entries by name (code units), so `a/x.yaml` comes before `a-b.yaml` as in
 * a walk of the folder, where a plain string sort would put it after. It decides which of two
 * definitions of an object takes effect, so the editor must agree with the CLI's folder walk.
 */
export function compareApplyOrder(a: string, b: string): number {
  const left = segmentsOf(a);
  const right = segmentsOf(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    if (left[index] !== right[index]) return left[index] < right[index] ? -1 : 1;
  }
  return left.length - right.length;
}

function segmentsOf(location: string): string[] {
  return location.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}
