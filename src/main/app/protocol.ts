import type { ChangeEvent } from '../../shared/contract';
import type { ErrorCode, ErrorParams } from '../../shared/errors';
import type { EvidenceReport } from './evidenceCheck';

export type SerializedError = {
  code: ErrorCode;
  messageKey: string;
  params: ErrorParams;
  details?: unknown;
  cause?: string;
};

export type WorkerRequest = { id: number; method: string; input: unknown };
export type IntegrityReport = { type: 'integrity'; kind: 'quick' | 'full'; problems: string[] };
export type WorkerControl = { type: 'close' } | IntegrityReport | EvidenceReport;
export type WorkerMessage =
  | { type: 'ready'; cleanStart: boolean }
  | { type: 'fatal'; error: SerializedError }
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: SerializedError }
  | { type: 'change'; change: ChangeEvent }
  | IntegrityReport
  | EvidenceReport;
