import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { dutyYearSchema } from '../../../shared/api/duty';
import { DUTY_PRESETS, type DutyPresetName } from '../../../shared/domain/dutyYear';
import { ClientError } from '../../core/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { dateText } from '../handling/caseModel';
import { Page } from '../shell/Page';
import { RulesForm } from './RulesForm';
import { draftOf, type RulesDraft, rulesOfDraft } from './rulesDraft';
import { useYearParam, YearPicker } from './YearPicker';

type YearSettings = z.infer<typeof dutyYearSchema>;

function isConflict(err: unknown): boolean {
  return err instanceof ClientError && err.status === 409;
}

/** What the page says after a save: kept above the form, which starts again from the stored version. */
interface Outcome {
  readonly text: string;
  readonly isError: boolean;
  /** The year and version the save was made on: the page says its outcome once it shows a later version of that year. */
  readonly year: number;
  readonly madeOn: number;
}

function RulesEditor(props: {
  readonly settings: YearSettings;
  /** A save or the close was sent: the page clears what it said of the last one. */
  readonly onStart: () => void;
  /** The server answered: the page says how, and reads the year again. */
  readonly onSaved: (outcome: Outcome | null) => void;
}) {
  const { settings, onSaved } = props;
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(settings.rules, settings.inactiveDays));
  const [preset, setPreset] = useState<DutyPresetName>(settings.basis === 'preset_120' ? 'preset_120' : 'preset_100');
  const [invalid, setInvalid] = useState<string[]>([]);
  const [isClosing, setClosing] = useState(false);
  const action = useBusyAction();
  const isClosed = settings.closedAt !== null;
  const send = (body: Parameters<typeof api.duty.saveYearSettings>[1]) => {
    props.onStart();
    const made = { year: settings.year, madeOn: settings.version };
    action.run(async () => {
      try {
        await api.duty.saveYearSettings(settings.year, body);
        return { text: t('duty.committee.rules.saved'), isError: false, ...made };
      } catch (err) {
        // Someone saved the year meanwhile: the page loads theirs, so the office checks before saving again.
        if (isConflict(err)) {
          return { text: t('duty.committee.rules.conflict'), isError: true, ...made };
        }
        throw err;
      }
    }, onSaved);
  };
  const save = () => {
    const checked = rulesOfDraft(draft);
    setInvalid(checked.ok ? [] : checked.invalid);
    if (checked.ok) {
      send({ rules: checked.rules, inactiveDays: checked.inactiveDays, version: settings.version });
    }
  };
  return (
    <>
      <p className="section-note">
        {t('duty.committee.rules.basis', { basis: t(`duty.committee.rules.${settings.basis}`) })}
      </p>
      {isClosed ? (
        <p className="notice is-info">
          {t('duty.committee.rules.closedAt', { date: dateText(settings.closedAt ?? 0, i18n.language) })}
        </p>
      ) : (
        <div className="duty-filters">
          <label className="duty-filter">
            <span>{t('duty.committee.rules.preset')}</span>
            <select value={preset} onChange={(event) => setPreset(event.target.value as DutyPresetName)}>
              {DUTY_PRESETS.map((name) => (
                <option key={name} value={name}>
                  {t(`duty.committee.rules.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={action.isBusy}
            onClick={() => send({ preset, version: settings.version })}
          >
            {t('duty.committee.rules.applyPreset')}
          </button>
        </div>
      )}
      <RulesForm draft={draft} invalid={invalid} isReadOnly={isClosed} onChange={setDraft} />
      {invalid.length === 0 ? null : <p className="form-error">{t('duty.committee.rules.invalid')}</p>}
      <FormError message={action.error} />
      {isClosed ? null : (
        <div className="duty-form-actions">
          <button type="button" className="button is-primary" disabled={action.isBusy} onClick={save}>
            {t('duty.committee.rules.save')}
          </button>
          <button type="button" className="button is-danger duty-close-year" onClick={() => setClosing(true)}>
            {t('duty.committee.rules.close')}
          </button>
        </div>
      )}
      <ConfirmDialog
        title={t('duty.committee.rules.closeTitle', { year: settings.year })}
        message={isClosing ? t('duty.committee.rules.closeMessage') : null}
        confirmLabel={t('duty.committee.rules.close')}
        onClose={() => setClosing(false)}
        onConfirm={async () => {
          await api.duty.closeYear(settings.year);
          onSaved(null);
        }}
      />
    </>
  );
}

/** `/duty/rules` (考核规则, the secretariat): a year's preset, items, caps, thresholds and inactive days; closing the year. */
export function RulesPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const [year, setYear] = useYearParam();
  const data = useApiData(useCallback(() => api.duty.yearSettings(year), [api, year]));
  const settings = data.status === 'ready' ? data.value : null;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Said with the version it brought, not over the form it replaced.
  const shown =
    outcome !== null && settings?.year === outcome.year && settings.version !== outcome.madeOn ? outcome : null;
  const { reload } = data;
  const onSaved = useCallback(
    (next: Outcome | null) => {
      setOutcome(next);
      reload();
    },
    [reload],
  );
  return (
    <Page title={t('duty.committee.rules.title')} className="is-wide duty-page">
      <div className="page-head">
        <h1>{t('duty.committee.rules.title')}</h1>
        <YearPicker year={year} onChange={setYear} />
      </div>
      <p className="section-note">
        {t('duty.committee.rules.lead')} <Link href={`/duty/committee?year=${year}`}>{t('duty.backToCommittee')}</Link>
      </p>
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      {data.status === 'loading' ? <p className="empty-note">{t('common.loading')}</p> : null}
      {shown === null ? null : (
        <p className={shown.isError ? 'notice is-warning' : 'notice is-ok'} role="status">
          {shown.text}
        </p>
      )}
      {settings === null ? null : (
        // A new version (saved here or elsewhere) starts the form again from what is stored.
        <RulesEditor
          key={`${settings.year}-${settings.version}-${settings.closedAt}`}
          settings={settings}
          onStart={() => setOutcome(null)}
          onSaved={onSaved}
        />
      )}
    </Page>
  );
}
