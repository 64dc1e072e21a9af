/**
 * Kubernetes label syntax (apimachinery's IsQualifiedName and IsValidLabelValue): what the API
 * server accepts as a label key or value, in labels and in selectors alike.
 */

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_NAME_LENGTH = 63;
const MAX_PREFIX_LENGTH = 253;

/** `name` or `prefix/name`: a DNS subdomain prefix of at most 253 characters and a name of at most 63. */
export function isValidLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '' || prefix.length > MAX_PREFIX_LENGTH || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return name.length <= MAX_NAME_LENGTH && NAME.test(name);
}

/** Empty, or a name of at most 63 characters. */
export function isValidLabelValue(value: string): boolean {
  return value === '' || (value.length <= MAX_NAME_LENGTH && NAME.test(value));
}

export const LABEL_KEY_SYNTAX =
  'at most 63 letters, digits, "-", "_" and ".", beginning and ending with a letter or digit, after an optional lowercase DNS prefix and "/"';

export const LABEL_VALUE_SYNTAX = 'empty, or at most 63 letters, digits, "-", "_" and ".", beginning and ending with a letter or digit';
