/**
 * Kubernetes label syntax (apimachinery's IsQualifiedName and IsValidLabelValue): a key is a name of
 * at most 63 characters, alphanumeric at both ends with `-`, `_` or `.` inside, optionally after a DNS
 * subdomain prefix and `/`; a value is empty or such a name.
 */
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0 || prefix.length > 253 || !SUBDOMAIN.test(prefix)) return false;
  }
  return name.length <= 63 && NAME.test(name);
}

export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}
