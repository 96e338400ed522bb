import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { missingTexts, pointsText } from './dutyModel';

/** The year's score at a glance: total and level in its colour, each part against its cap, the minimum. */
export function ScoreCard({ answer }: { readonly answer: MemberYearAnswer }): ReactElement {
  const { t } = useTranslation();
  const { score, rules, closedResult } = answer;
  const shown = closedResult ?? score;
  const missing = missingTexts(shown.missing, rules.minimum, t);
  return (
    <section className="card duty-score" aria-labelledby="duty-score-title">
      <h2 id="duty-score-title">{t('duty.score.title')}</h2>
      {closedResult === null ? null : <p className="notice is-info">{t('duty.score.closed')}</p>}
      <div className="duty-score-main">
        <div className="duty-total">
          <span className="duty-total-label">{t('duty.score.total')}</span>
          <span className="duty-total-value" data-testid="duty-total">
            {pointsText(shown.total)}
          </span>
        </div>
        <span className={`duty-level is-${shown.level}`} data-testid="duty-level">
          {t(`duty.levels.${shown.level}`)}
        </span>
      </div>
      <dl className="duty-parts">
        <div>
          <dt>{t('duty.score.participation')}</dt>
          <dd>
            {t('duty.score.ofCap', { value: pointsText(shown.participation), cap: rules.participationCap })}
            <meter min={0} max={rules.participationCap} value={shown.participation} />
          </dd>
        </div>
        <div>
          <dt>{t('duty.score.results')}</dt>
          <dd>
            {t('duty.score.ofCap', { value: pointsText(shown.results), cap: rules.resultsCap })}
            <meter min={0} max={rules.resultsCap} value={shown.results} />
          </dd>
        </div>
      </dl>
      <p className="section-note">{t('duty.score.thresholds', rules.levels)}</p>
      {closedResult === null ? null : <p className="section-note">{t('duty.score.liveAfterClose')}</p>}
      <div className={missing.length === 0 ? 'duty-minimum is-done' : 'duty-minimum'} data-testid="duty-minimum">
        <h3>{t('duty.missing.title')}</h3>
        {missing.length === 0 ? (
          <p className="duty-minimum-done">{t('duty.missing.done')}</p>
        ) : (
          <>
            <p>{t('duty.missing.lead')}</p>
            <ul>
              {missing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
