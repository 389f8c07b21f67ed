import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../../../shared/contract/monitoring';
import { checkKinds, type Check, type CheckKind, type CheckTarget } from '../../../shared/domain/monitoring';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { fieldErrorsOf, useFocusFirstInvalid, type FieldErrors } from '../../components/FieldErrors';
import { Modal } from '../../components/Modal';
import { useUi } from '../../state/ui';
import { labelledField } from './LabelledField';

/** A target of each kind as the form starts it. */
const blankTargets: { [K in CheckKind]: Extract<CheckTarget, { kind: K }> } = {
  http: {
    kind: 'http',
    url: 'https://',
    statusMin: 200,
    statusMax: 399,
    keyword: '',
    slowMs: 0,
    followRedirects: true,
  },
  tcp: { kind: 'tcp', host: '', port: 443 },
  tls: { kind: 'tls', host: '', port: 443, warnDays: 14 },
  dns: { kind: 'dns', name: '', expect: '' },
  ping: { kind: 'ping', host: '' },
  heartbeat: { kind: 'heartbeat', periodMinutes: 1440, graceMinutes: 60 },
  file: { kind: 'file', folder: '', nameContains: '', maxAgeHours: 26 },
};

export const blankCheck = (systemId: number): Check => ({
  id: 0,
  systemId,
  name: '',
  enabled: true,
  target: blankTargets.http,
  intervalSeconds: 60,
  timeoutSeconds: 10,
  retries: 0,
  downAfter: 2,
  upAfter: 1,
  flapLimit: 6,
  autoResolve: true,
});

type Props = { initial: Check; onClose: () => void; onSaved?: (view: CheckView) => void };

/** The form of one check: what it looks at (by kind), how often, and when it counts as down. */
export function CheckEditor({ initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const systems = useQuery('directory.systems.list', {}, (c) => c.entity === 'system' || c.entity === 'directory');
  const [check, setCheck] = useState<Check>(initial);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [saving, setSaving] = useState(false);
  const container = useFocusFirstInvalid(errors);
  const target = check.target;
  const setTarget = (patch: Record<string, unknown>) =>
    setCheck((c) => ({ ...c, target: { ...c.target, ...patch } as CheckTarget }));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await client.call('monitoring.checks.save', { check });
      toast('info', t('monitoring.form.saved', { name: saved.check.name }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error, ['check']));
      if (!fieldErrorsOf(error, ['check']).size) toast('error', (error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: string, label: string, input: (props: Record<string, unknown>) => ReactNode) =>
    labelledField(errors, 'check', key, label, input);
  const text = (key: string, label: string, value: string, onChange: (v: string) => void, autoFocus = false) =>
    field(key, label, (props) => (
      <input
        {...props}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      />
    ));
  const number = (key: string, label: string, value: number, onChange: (v: number) => void) =>
    field(key, label, (props) => (
      <input
        {...props}
        type="number"
        inputMode="numeric"
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    ));

  const targetFields = (): ReactNode => {
    switch (target.kind) {
      case 'http':
        return (
          <>
            {text('target.url', t('monitoring.form.url'), target.url, (url) => setTarget({ url }))}
            {text('target.keyword', t('monitoring.form.keyword'), target.keyword, (keyword) => setTarget({ keyword }))}
            {number('target.statusMin', t('monitoring.form.statusMin'), target.statusMin, (statusMin) =>
              setTarget({ statusMin }),
            )}
            {number('target.statusMax', t('monitoring.form.statusMax'), target.statusMax, (statusMax) =>
              setTarget({ statusMax }),
            )}
            {number('target.slowMs', t('monitoring.form.slowMs'), target.slowMs, (slowMs) => setTarget({ slowMs }))}
            <label className="check">
              <input
                type="checkbox"
                checked={target.followRedirects}
                onChange={(e) => setTarget({ followRedirects: e.target.checked })}
              />
              {t('monitoring.form.followRedirects')}
            </label>
          </>
        );
      case 'tcp':
      case 'tls':
        return (
          <>
            {text('target.host', t('monitoring.form.host'), target.host, (host) => setTarget({ host }))}
            {number('target.port', t('monitoring.form.port'), target.port, (port) => setTarget({ port }))}
            {target.kind === 'tls'
              ? number('target.warnDays', t('monitoring.form.warnDays'), target.warnDays, (warnDays) =>
                  setTarget({ warnDays }),
                )
              : null}
          </>
        );
      case 'dns':
        return (
          <>
            {text('target.name', t('monitoring.form.dnsName'), target.name, (name) => setTarget({ name }))}
            {text('target.expect', t('monitoring.form.expect'), target.expect, (expect) => setTarget({ expect }))}
          </>
        );
      case 'ping':
        return text('target.host', t('monitoring.form.host'), target.host, (host) => setTarget({ host }));
      case 'heartbeat':
        return (
          <>
            {number('target.periodMinutes', t('monitoring.form.periodMinutes'), target.periodMinutes, (periodMinutes) =>
              setTarget({ periodMinutes }),
            )}
            {number('target.graceMinutes', t('monitoring.form.graceMinutes'), target.graceMinutes, (graceMinutes) =>
              setTarget({ graceMinutes }),
            )}
          </>
        );
      case 'file':
        return (
          <>
            {text('target.folder', t('monitoring.form.folder'), target.folder, (folder) => setTarget({ folder }))}
            {text('target.nameContains', t('monitoring.form.nameContains'), target.nameContains, (nameContains) =>
              setTarget({ nameContains }),
            )}
            {number('target.maxAgeHours', t('monitoring.form.maxAgeHours'), target.maxAgeHours, (maxAgeHours) =>
              setTarget({ maxAgeHours }),
            )}
          </>
        );
    }
  };

  return (
    <Modal
      title={check.id ? t('monitoring.form.titleEdit') : t('monitoring.form.titleNew')}
      onClose={onClose}
      closeLabel={t('common.cancel')}
      className="check-editor"
      testId="check-editor"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid" ref={container}>
          {field('systemId', t('monitoring.form.system'), (props) => (
            <select
              {...props}
              value={check.systemId}
              onChange={(e) => setCheck((c) => ({ ...c, systemId: Number(e.target.value) }))}
            >
              {(systems.data?.systems ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          ))}
          {text('name', t('monitoring.form.name'), check.name, (name) => setCheck((c) => ({ ...c, name })), true)}
          {field('target.kind', t('monitoring.form.kind'), (props) => (
            <select
              {...props}
              value={target.kind}
              onChange={(e) => setCheck((c) => ({ ...c, target: blankTargets[e.target.value as CheckKind] }))}
              data-testid="check-kind"
            >
              {checkKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`monitoring.kind.${kind}`)}
                </option>
              ))}
            </select>
          ))}
          {targetFields()}
        </div>
        <details className="check-advanced">
          <summary>{t('monitoring.form.advanced')}</summary>
          <div className="form-grid">
            {number('intervalSeconds', t('monitoring.form.intervalSeconds'), check.intervalSeconds, (intervalSeconds) =>
              setCheck((c) => ({ ...c, intervalSeconds })),
            )}
            {number('timeoutSeconds', t('monitoring.form.timeoutSeconds'), check.timeoutSeconds, (timeoutSeconds) =>
              setCheck((c) => ({ ...c, timeoutSeconds })),
            )}
            {number('retries', t('monitoring.form.retries'), check.retries, (retries) =>
              setCheck((c) => ({ ...c, retries })),
            )}
            {number('downAfter', t('monitoring.form.downAfter'), check.downAfter, (downAfter) =>
              setCheck((c) => ({ ...c, downAfter })),
            )}
            {number('upAfter', t('monitoring.form.upAfter'), check.upAfter, (upAfter) =>
              setCheck((c) => ({ ...c, upAfter })),
            )}
            {number('flapLimit', t('monitoring.form.flapLimit'), check.flapLimit, (flapLimit) =>
              setCheck((c) => ({ ...c, flapLimit })),
            )}
          </div>
        </details>
        <label className="check">
          <input
            type="checkbox"
            checked={check.autoResolve}
            onChange={(e) => setCheck((c) => ({ ...c, autoResolve: e.target.checked }))}
          />
          {t('monitoring.form.autoResolve')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={check.enabled}
            onChange={(e) => setCheck((c) => ({ ...c, enabled: e.target.checked }))}
          />
          {t('monitoring.form.enabled')}
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={saving} data-testid="check-save">
            {t('monitoring.form.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
