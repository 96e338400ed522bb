import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKS_OF_KIND,
  type CheckSetting,
  DOC_KINDS,
  type DocKind,
  type SubmitCheck,
  type SubmitChecksConfig,
} from '../../../shared';
import { rememberSubmitChecks } from '../../core/committee';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';

/** The checks that take a character limit (K1, K3). */
const WITH_LIMIT: readonly SubmitCheck[] = ['titleForm', 'bodyLength'];

function CheckRow({
  kind,
  check,
  setting,
  isDisabled,
  onChange,
}: {
  readonly kind: DocKind;
  readonly check: SubmitCheck;
  readonly setting: CheckSetting;
  readonly isDisabled: boolean;
  readonly onChange: (setting: CheckSetting) => void;
}): ReactElement {
  const { t } = useTranslation();
  const name = t(`fields.checks.name.${check}`);
  return (
    <tr data-kind={kind} data-check={check}>
      <td>{name}</td>
      <td>
        <input
          type="checkbox"
          aria-label={`${name} ${t('fields.checks.enabled')}`}
          checked={setting.enabled}
          disabled={isDisabled}
          onChange={(event) => onChange({ ...setting, enabled: event.target.checked })}
        />
      </td>
      <td>
        <select
          aria-label={`${name} ${t('fields.checks.mode')}`}
          value={setting.blocking ? 'blocking' : 'warning'}
          disabled={isDisabled || !setting.enabled}
          onChange={(event) => onChange({ ...setting, blocking: event.target.value === 'blocking' })}
        >
          <option value="warning">{t('fields.checks.warning')}</option>
          <option value="blocking">{t('fields.checks.blocking')}</option>
        </select>
      </td>
      <td>
        {WITH_LIMIT.includes(check) ? (
          <input
            type="number"
            min={1}
            max={100000}
            aria-label={`${name} ${t('fields.checks.limit')}`}
            value={setting.limit ?? ''}
            disabled={isDisabled || !setting.enabled}
            onChange={(event) => {
              const limit = Number.parseInt(event.target.value, 10);
              onChange({ ...setting, limit: Number.isNaN(limit) ? null : limit });
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}

/** The secretariat's settings of the checks before submitting, per kind (RULES.md K1-K5). */
export function SubmitChecksSettings({ isOnline }: { readonly isOnline: boolean }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const stored = useApiData(useCallback(() => api.submitChecks(), [api]));
  const [config, setConfig] = useState<SubmitChecksConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (stored.status === 'ready') {
      setConfig(stored.value.checks);
    }
  }, [stored]);
  const change = (kind: DocKind, check: SubmitCheck, setting: CheckSetting): void => {
    setConfig((current) =>
      current === null ? current : { ...current, [kind]: { ...current[kind], [check]: setting } },
    );
    setSaved(false);
  };
  const save = async (): Promise<void> => {
    if (config === null) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.putSubmitChecks({ checks: config });
      rememberSubmitChecks(saved.checks);
      setSaved(true);
    } catch (thrown) {
      setError(errorText(thrown, t));
    } finally {
      setBusy(false);
    }
  };
  const isDisabled = !isOnline || isBusy;
  return (
    <section className="card" aria-label={t('fields.checks.title')}>
      <h2>{t('fields.checks.title')}</h2>
      <p className="section-note">{t('fields.checks.lead')}</p>
      <FormError message={stored.status === 'failed' ? errorText(stored.error, t) : error} />
      {config === null
        ? null
        : DOC_KINDS.map((kind) => (
            <table key={kind} className="check-settings">
              <caption>{t(`kind.${kind}`)}</caption>
              <thead>
                <tr>
                  <th>{t('fields.checks.check')}</th>
                  <th>{t('fields.checks.enabled')}</th>
                  <th>{t('fields.checks.mode')}</th>
                  <th>{t('fields.checks.limit')}</th>
                </tr>
              </thead>
              <tbody>
                {CHECKS_OF_KIND[kind].map((check) => (
                  <CheckRow
                    key={check}
                    kind={kind}
                    check={check}
                    setting={config[kind][check]}
                    isDisabled={isDisabled}
                    onChange={(setting) => change(kind, check, setting)}
                  />
                ))}
              </tbody>
            </table>
          ))}
      <div className="category-actions">
        <button
          type="button"
          className="button is-primary"
          disabled={isDisabled || config === null}
          onClick={() => void save()}
        >
          {t('fields.checks.save')}
        </button>
      </div>
      {isSaved ? (
        <p className="notice" role="status">
          {t('fields.checks.saved')}
        </p>
      ) : null}
    </section>
  );
}
