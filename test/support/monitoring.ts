import type { CheckInput, MaintenanceInput } from '../../src/shared/domain/monitoring';

/** A port nothing listens on (refused at once): a check that fails quickly and for sure. */
export const monitoringTcpCheck: CheckInput = {
  systemId: 1,
  name: 'ERP-Port',
  target: { kind: 'tcp', host: '127.0.0.1', port: 1 },
  intervalSeconds: 60,
  timeoutSeconds: 2,
};

export const monitoringHeartbeatCheck: CheckInput = {
  systemId: 1,
  name: 'Nächtliche Sicherung',
  target: { kind: 'heartbeat', periodMinutes: 1440, graceMinutes: 60 },
};

/** The Sunday patch night. */
export const monitoringWeekly: MaintenanceInput = {
  systemId: 1,
  title: 'Patchnacht',
  window: { kind: 'weekly', days: [7], start: '22:00', end: '02:00' },
};
