import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult, UserId } from '../../../shared';
import type { Person } from '../../../shared/api/schemas';
import { nameOf } from '../docs/peopleNames';

/** The sentence of one check's outcome, with its numbers and names. */
export function checkText(result: CheckResult, people: ReadonlyMap<UserId, Person>, t: TFunction): string {
  const { limit, length, missing, userIds = [] } = result.detail;
  const heading = result.target.kind === 'body' ? (result.target.heading ?? '') : '';
  switch (result.check) {
    case 'titleForm':
      return t(result.passed ? 'workflow.checks.titleForm.pass' : 'workflow.checks.titleForm.fail', {
        limit: limit ?? '—',
        length,
      });
    case 'reasonsAndSuggestions':
      return result.passed
        ? t('workflow.checks.reasonsAndSuggestions.pass')
        : t(`workflow.checks.reasonsAndSuggestions.${missing ?? 'reasons'}`, { heading });
    case 'bodyLength':
      return t(result.passed ? 'workflow.checks.bodyLength.pass' : 'workflow.checks.bodyLength.fail', {
        limit: limit ?? '—',
        length,
      });
    case 'suggestedUnit':
      return t(result.passed ? 'workflow.checks.suggestedUnit.pass' : 'workflow.checks.suggestedUnit.fail');
    case 'signatures':
      return result.passed
        ? t('workflow.checks.signatures.pass')
        : t('workflow.checks.signatures.fail', {
            count: userIds.length,
            names: userIds.map((id) => nameOf(id, people, t)).join(t('common.listSeparator')),
          });
  }
}

function stateOf(result: CheckResult): 'passed' | 'blocking' | 'warning' {
  if (result.passed) {
    return 'passed';
  }
  return result.blocking ? 'blocking' : 'warning';
}

/** The checks before submitting in the submit dialog: each failed one with a way to where it is fixed. */
export function SubmitChecklist({
  results,
  people,
  onJump,
}: {
  readonly results: readonly CheckResult[];
  readonly people: ReadonlyMap<UserId, Person>;
  readonly onJump: (result: CheckResult) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  if (results.length === 0) {
    return null;
  }
  const isBlocked = results.some((result) => stateOf(result) === 'blocking');
  return (
    <section className="check-list" aria-label={t('workflow.checks.title')}>
      <h3 className="check-list-title">{t('workflow.checks.title')}</h3>
      <ul>
        {results.map((result) => {
          const state = stateOf(result);
          return (
            <li key={result.check} className={`check-item is-${state}`} data-check={result.check}>
              <span className="check-state">{t(`workflow.checks.${state === 'passed' ? 'passed' : state}`)}</span>
              <span className="check-text">{checkText(result, people, t)}</span>
              {state === 'passed' ? null : (
                <button type="button" className="button is-small is-quiet" onClick={() => onJump(result)}>
                  {t('workflow.checks.go')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {isBlocked ? (
        <p className="check-blocked" role="alert">
          {t('workflow.checks.blockedNote')}
        </p>
      ) : null}
    </section>
  );
}
