import { version } from '../../package.json';

/** The product version, from the extension manifest. */
export const VERSION: string = version;
