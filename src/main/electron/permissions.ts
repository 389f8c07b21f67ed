import type { Session } from 'electron';

/**
 * What the page may use: copying a message to the clipboard and notifications. Everything else a web page can ask
 * for (camera, microphone, location, MIDI, HID, USB, serial, clipboard reading, …) is refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/** Only the app's own origin, and only for the permissions above. */
export function isPermissionAllowed(permission: string, requester: string, isAppOrigin: (url: string) => boolean) {
  return ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(requester);
}

/**
 * Whether the spell checker may run: only where the OS checks spelling itself (macOS). On Windows and Linux
 * Chromium would download Hunspell dictionaries from Google's CDN, and the desk stays offline.
 */
export const spellCheckAllowed = (platform: NodeJS.Platform): boolean => platform === 'darwin';

export type SessionLike = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
  | 'setSpellCheckerDictionaryDownloadURL'
>;

/**
 * The session's lock-down: permissions denied but the two the app uses, no device access (HID, USB, serial).
 * Screen capture needs a display-media handler, and none is set, so it is refused too.
 */
export function lockDownSession(
  session: SessionLike,
  isAppOrigin: (url: string) => boolean,
  platform: NodeJS.Platform,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, isAppOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, isAppOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  if (!spellCheckAllowed(platform)) {
    session.setSpellCheckerEnabled(false);
    // Should anything turn it on again, dictionaries come from nowhere outside this machine.
    session.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/');
  }
}
