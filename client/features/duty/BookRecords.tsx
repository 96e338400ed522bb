import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { nameOf, peopleById } from '../docs/peopleNames';
import { dateText } from '../handling/caseModel';
import { factLabel, factTitle } from './dutyModel';

/** The member's correction requests with their answers, and the talks and reminders kept with the book (B4, B5). */
export function BookRecords({ answer }: { readonly answer: MemberYearAnswer }): ReactElement {
  const { t, i18n } = useTranslation();
  const people = peopleById(useWorkspace()?.people ?? []);
  const { book } = answer;
  const date = (ms: number) => dateText(ms, i18n.language);
  const factOf = (factId: string | null): string => {
    const fact = answer.facts.find((each) => each.id === factId);
    if (factId === null || fact === undefined) {
      return t('duty.correction.missingFactLabel');
    }
    return `${factLabel(fact, t)} · ${factTitle(fact, answer.titles, t)}`;
  };
  return (
    <section className="card duty-records" aria-labelledby="duty-records-title">
      <h2 id="duty-records-title">{t('duty.correction.history')}</h2>
      {book.corrections.length === 0 ? <p className="empty-note">{t('duty.correction.none')}</p> : null}
      <ul className="duty-notes">
        {book.corrections.map((request) => (
          <li key={request.id} data-correction={request.id}>
            <div className="duty-note-head">
              <strong>{factOf(request.factId)}</strong>
              <small>{t('duty.correction.askedAt', { date: date(request.askedAt) })}</small>
            </div>
            <p>{request.message}</p>
            <p className={request.answer === null ? 'section-note' : `duty-answer is-${request.answer.accepted}`}>
              {request.answer === null
                ? t('duty.correction.pending')
                : t(request.answer.accepted ? 'duty.correction.accepted' : 'duty.correction.refused', {
                    text: request.answer.text,
                  })}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('duty.review.talks')}</h2>
      {book.talks.length === 0 ? <p className="empty-note">{t('duty.review.noTalks')}</p> : null}
      <ul className="duty-notes" data-testid="duty-talks">
        {book.talks.map((talk) => (
          <li key={talk.id}>
            <div className="duty-note-head">
              <strong>{date(talk.at)}</strong>
              <small>{nameOf(talk.by, people, t)}</small>
            </div>
            <p>{talk.note}</p>
          </li>
        ))}
      </ul>
      <h2>{t('duty.review.reminders')}</h2>
      {book.reminders.length === 0 ? <p className="empty-note">{t('duty.review.noReminders')}</p> : null}
      <ul className="duty-notes">
        {book.reminders.map((reminder) => (
          <li key={`${reminder.by}-${reminder.at}`}>
            <div className="duty-note-head">
              <strong>{date(reminder.at)}</strong>
              <small>{nameOf(reminder.by, people, t)}</small>
            </div>
            <p>{reminder.note}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
