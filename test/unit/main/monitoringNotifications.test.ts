import { describe, expect, it, vi } from 'vitest';
import { monitoringNotice, showMonitoringAlerts } from '../../../src/main/electron/notifications';
import type { MonitoringAlert } from '../../../src/shared/contract';

const down: MonitoringAlert = {
  kind: 'down',
  checkId: 3,
  checkName: 'Webseite',
  systemName: 'ERP',
  message: 'HTTP 503',
  ticketId: 12,
  ticketNumber: '2026-0012',
};

describe('desktop notifications of the monitoring', () => {
  it('say which system and check, what was seen and the ticket, in the user language', () => {
    expect(monitoringNotice(down, 'de')).toEqual({ title: 'ERP: Webseite ausgefallen', body: 'HTTP 503\n2026-0012' });
    expect(monitoringNotice({ ...down, kind: 'recovered', ticketNumber: null }, 'en')).toEqual({
      title: 'ERP: Webseite back up',
      body: 'HTTP 503',
    });
  });
  it('open the incident on a click; a recovery is silent', () => {
    const shown: { options: { silent?: boolean }; click?: () => void }[] = [];
    class FakeNotification {
      static isSupported = () => true;
      entry: (typeof shown)[number];
      constructor(options: { silent?: boolean }) {
        this.entry = { options };
        shown.push(this.entry);
      }
      on(_event: 'click', listener: () => void) {
        this.entry.click = listener;
        return this;
      }
      show() {}
    }
    const open = vi.fn();
    showMonitoringAlerts(FakeNotification as never, [down, { ...down, kind: 'recovered' }], 'de', open);
    expect(shown.map((s) => s.options.silent)).toEqual([false, true]);
    shown[0]!.click!();
    expect(open).toHaveBeenCalledWith(12);
  });
});
