import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, type MethodName } from '../../shared/contract';
import { createEngine } from '../app/engine';
import { stats, type Stats } from './benchStats';

export type PacketResults = { build: Stats; attachments: number; totalMb: number; rssGrowthMb: number };

/** Builds the escalation packet of a ticket with 20 attachments of 50 MB in all (ZIP + .eml), a few times. */
export async function packetBench(runs = 5): Promise<PacketResults> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-packet-'));
  const engine = createEngine({ dataDir: dir });
  try {
    engine.applyCheck('quick', []);
    // Through the contract, as the dispatcher does: the handlers take parsed input (defaults filled in).
    const run = async <T>(method: MethodName, input: unknown) =>
      (await engine.execute(method, contract[method].input.parse(input) as never).value) as T;
    await run('settings.update', { patch: { attachmentMaxBytes: 100 * 1024 * 1024 } });
    const week = { start: '08:00', end: '18:00' };
    await run('msp.providers.save', {
      provider: {
        id: 'bench-msp',
        name: 'Bench MSP',
        intakeEmail: 'support@bench.example',
        subjectTag: '[Ticket#{ref}]',
        portalUrl: '',
        phone: '',
        contract: Object.fromEntries(
          ['P1', 'P2', 'P3', 'P4'].map((p) => [p, { reactionHours: 1, resolutionHours: 8 }]),
        ),
        supportHours: { '1': [week], '2': [week], '3': [week], '4': [week], '5': [week], '6': [], '7': [] },
        timeZone: 'Europe/Berlin',
        notes: '',
      },
    });
    const ticket = await run<{ id: number }>('tickets.create', {
      title: 'Bench: Dateiserver',
      description: 'Passwort: Geheim123, Rückruf 0151 23456789',
      channel: 'phone',
      requester: { name: 'Bench', department: 'IT', phone: '', email: '' },
      firstContact: {
        affectedScope: 'company',
        affectedSystems: '',
        businessProcess: '',
        businessCritical: true,
        since: null,
        recentChanges: '',
        impairment: 'stopped',
      },
      category: 'server',
      tier: 'first',
      assignee: null,
      triageOverride: null,
    });
    const size = Math.round((50 * 1024 * 1024) / 20);
    const ids: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const attachment = await run<{ id: number }>('tickets.attach', {
        id: ticket.id,
        fileName: `capture-${i}.bin`,
        mimeType: 'application/octet-stream',
        contentBase64: randomBytes(size).toString('base64'),
      });
      ids.push(attachment.id);
    }
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await run('escalations.build', {
        ticketId: ticket.id,
        providerId: 'bench-msp',
        language: 'de',
        firstContact: true,
        triage: true,
        timeline: true,
        checklists: true,
        attachmentIds: ids,
        question: 'Bitte prüfen',
        released: [],
      });
      samples.push(performance.now() - started);
    }
    clearInterval(timer);
    return {
      build: stats(samples),
      attachments: 20,
      totalMb: (size * 20) / 1024 / 1024,
      rssGrowthMb: (peak - before) / 1024 / 1024,
    };
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
