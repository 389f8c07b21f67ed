import { useTranslation } from 'react-i18next';
import { affectedScopeSchema, categorySchema, channelSchema, impairmentSchema } from '../../../shared/domain/enums';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { sinceFor, type IntakeForm, type IntakeProblem, type SinceChoice } from './intakeForm';
import { LengthCounter } from '../../components/LengthCounter';
import { DirectoryCombobox } from '../directory/DirectoryCombobox';
import { PersonLink, SystemsPicker } from './DirectoryPickers';

type Props = {
  form: IntakeForm;
  update: (change: (current: IntakeForm) => IntakeForm) => void;
  problems: Set<IntakeProblem>;
};

const sinceChoices: SinceChoice[] = ['now', 'hour', 'morning', 'yesterday', 'unknown'];

const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function RequesterSection({ form, update, problems }: Props) {
  const { t } = useTranslation();
  const set = (field: keyof IntakeForm['requester'], value: string) =>
    update((f) => ({ ...f, requester: { ...f.requester, [field]: value } }));
  return (
    <section className="intake-section">
      <h3>{t('intake.who')}</h3>
      <div className="grid-4">
        <label className={problems.has('requesterName') ? 'invalid' : ''}>
          {t('intake.requesterName')} *
          <DirectoryCombobox
            kinds={['person']}
            value={form.requester.name}
            // Typing another name unlinks the person picked before: free text stays possible.
            onText={(name) =>
              update((f) => ({ ...f, requester: { ...f.requester, name, personId: 0 }, requesterRaise: null }))
            }
            onPick={(hit) =>
              update((f) => ({
                ...f,
                requester: {
                  name: hit.label,
                  department: hit.fill?.department ?? f.requester.department,
                  email: hit.fill?.email ?? f.requester.email,
                  phone: hit.fill?.phone ?? f.requester.phone,
                  personId: hit.id,
                },
                requesterRaise: hit.raise,
              }))
            }
            inputProps={{ autoFocus: true, maxLength: 120, 'data-testid': 'requester-name' }}
          />
          <PersonLink form={form} update={update} />
        </label>
        <label>
          {t('intake.department')}
          <input
            value={form.requester.department}
            maxLength={120}
            onChange={(e) => set('department', e.target.value)}
          />
        </label>
        <label>
          {t('intake.phone')}
          <input value={form.requester.phone} maxLength={60} onChange={(e) => set('phone', e.target.value)} />
        </label>
        <label>
          {t('intake.email')}
          <input
            type="email"
            value={form.requester.email}
            maxLength={200}
            onChange={(e) => set('email', e.target.value)}
          />
        </label>
      </div>
      <ChoiceGroup
        name="channel"
        legend={t('intake.channel')}
        choices={channelSchema.options.map((value) => ({ value, label: t(`labels:channel.${value}`) }))}
        value={form.channel}
        onChange={(channel) => update((f) => ({ ...f, channel }))}
      />
    </section>
  );
}

export function ProblemSection({ form, update, problems }: Props) {
  const { t } = useTranslation();
  return (
    <section className="intake-section">
      <h3>{t('intake.what')}</h3>
      <label className={problems.has('title') ? 'invalid' : ''}>
        {t('intake.title')} *
        <input
          value={form.title}
          placeholder={t('intake.titlePlaceholder')}
          onChange={(e) => update((f) => ({ ...f, title: e.target.value }))}
        />
        <LengthCounter value={form.title} max={200} />
      </label>
      <label>
        {t('intake.description')}
        <textarea
          rows={2}
          value={form.description}
          onChange={(e) => update((f) => ({ ...f, description: e.target.value }))}
        />
      </label>
    </section>
  );
}

export function FirstContactSection({ form, update, problems }: Props) {
  const { t } = useTranslation();
  return (
    <section className="intake-section">
      <h3>{t('intake.firstContact')}</h3>
      <div className={problems.has('affectedScope') ? 'invalid-group' : ''}>
        <ChoiceGroup
          name="affectedScope"
          legend={`${t('intake.affectedScope')} *`}
          choices={affectedScopeSchema.options.map((value) => ({ value, label: t(`labels:scope.${value}`) }))}
          value={form.affectedScope}
          onChange={(affectedScope) => update((f) => ({ ...f, affectedScope }))}
        />
      </div>
      <div className="grid-2">
        <SystemsPicker form={form} update={update} />
        <label>
          {t('intake.businessProcess')}
          <input
            value={form.businessProcess}
            maxLength={500}
            placeholder={t('intake.businessProcessPlaceholder')}
            onChange={(e) => update((f) => ({ ...f, businessProcess: e.target.value }))}
          />
        </label>
      </div>
      <ChoiceGroup
        name="businessCritical"
        legend={t('intake.businessCritical')}
        hint={t('intake.businessCriticalHint')}
        choices={[
          { value: 'no', label: t('common.no') },
          { value: 'yes', label: t('common.yes') },
        ]}
        value={form.businessCritical ? 'yes' : 'no'}
        onChange={(v) => update((f) => ({ ...f, businessCritical: v === 'yes' }))}
      />
      <div className="since-row">
        <ChoiceGroup
          name="since"
          legend={t('intake.since')}
          choices={sinceChoices.map((value) => ({ value, label: t(`intake.sinceChoice.${value}`) }))}
          value={form.sinceChoice === 'custom' ? null : form.sinceChoice}
          onChange={(choice) => update((f) => ({ ...f, sinceChoice: choice, since: sinceFor(choice) }))}
        />
        <label className="since-custom">
          {t('intake.sinceExact')}
          <input
            type="datetime-local"
            value={toLocalInput(form.since)}
            onChange={(e) =>
              update((f) => ({
                ...f,
                sinceChoice: 'custom',
                since: e.target.value ? new Date(e.target.value).toISOString() : null,
              }))
            }
          />
        </label>
      </div>
      <label>
        {t('intake.recentChanges')}
        <input
          value={form.recentChanges}
          placeholder={t('intake.recentChangesPlaceholder')}
          onChange={(e) => update((f) => ({ ...f, recentChanges: e.target.value }))}
        />
        <LengthCounter value={form.recentChanges} max={4000} />
      </label>
      <div className={problems.has('impairment') ? 'invalid-group' : ''}>
        <ChoiceGroup
          name="impairment"
          legend={`${t('intake.impairment')} *`}
          choices={impairmentSchema.options.map((value) => ({ value, label: t(`labels:impairment.${value}`) }))}
          value={form.impairment}
          onChange={(impairment) => update((f) => ({ ...f, impairment }))}
        />
      </div>
      <ChoiceGroup
        name="category"
        legend={t('intake.category')}
        choices={categorySchema.options.map((value) => ({ value, label: t(`labels:category.${value}`) }))}
        value={form.category}
        onChange={(category) => update((f) => ({ ...f, category }))}
      />
    </section>
  );
}
