import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import type { Person } from '../../../shared/api/schemas';
import { formatTime } from '../docs/formatTime';
import { personNameOf, unitNameOf } from './caseModel';

/** Every step of the handling, oldest first: who did what, when (the case's log). */
export function CaseLog(props: {
  readonly answer: CaseAnswer;
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
}): ReactElement | null {
  const { t, i18n } = useTranslation();
  const { log } = props.answer.case;
  if (log.length === 0) {
    return null;
  }
  const now = Date.now();
  return (
    <section className="case-log" aria-label={t('handling.log')}>
      <h3>{t('handling.log')}</h3>
      <ol>
        {log.map((entry) => (
          <li key={`${entry.type}-${entry.at}-${entry.actorId}-${entry.unitId ?? ''}`}>
            <time className="case-note">{formatTime(entry.at, now, i18n.language, t)}</time>{' '}
            {personNameOf(props.people, entry.actorId)}
            {entry.unitId === null ? null : `（${unitNameOf(props.units, entry.unitId)}）`}{' '}
            {t(`handling.logType.${entry.type}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
