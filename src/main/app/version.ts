import packageJson from '../../../package.json' with { type: 'json' };

/** The version recorded in backups and exports. */
export const APP_VERSION: string = packageJson.version;
