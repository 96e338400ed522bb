import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../shared/api/attachments';
import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import type { Person } from '../../../shared/api/schemas';
import type { DocId } from '../../../shared/index';
import { replyCoverFileOf, saveFile } from '../../core/export';
import { AttachmentLink } from '../attachments/AttachmentLink';
import { caseRows, dateText, numberText, personNameOf } from './caseModel';

/** The head of a case: number, session mark, outcome, units with their parts, answers and ratings. */
export function CaseSummary(props: {
  readonly docId: DocId;
  readonly answer: CaseAnswer;
  /** The proposal's title, for the reply letter's cover. */
  readonly title: string;
  /** The document's files, for the links of the answers' reply letters. */
  readonly attachments: readonly AttachmentInfo[];
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { answer } = props;
  const stored = answer.case;
  const number = numberText(stored);
  return (
    <section className="case-summary" aria-label={t('handling.tab')}>
      <div className="case-head">
        {number === null ? null : <strong className="case-number">{number}</strong>}
        <span className={`case-stage is-${answer.stage}`}>{t(`handling.stage.${answer.stage}`)}</span>
        {stored.isKey ? <span className="case-key">{t('handling.key')}</span> : null}
        {answer.isOverdue ? <span className="case-overdue">{t('handling.overdue')}</span> : null}
      </div>
      {stored.outcome === 'not_filed' ? (
        <p>
          {t('handling.outcome.not_filed')} · {t(`handling.conversion.${stored.conversion ?? 'none'}`)}
          {stored.reason === null ? null : (
            <span className="case-note"> {t('handling.reasonOf', { reason: stored.reason })}</span>
          )}
        </p>
      ) : null}
      {stored.outcome === 'merged' ? <p>{t('handling.outcome.merged')}</p> : null}
      {stored.deadline === null ? null : (
        <p className="case-note">
          {t('handling.deadline', { date: dateText(stored.deadline, i18n.language) })}
          {stored.round > 1 ? ` · ${t('handling.round', { round: stored.round })}` : null}
        </p>
      )}
      {stored.outcome === 'filed' ? (
        <>
          <h3>{t('handling.units')}</h3>
          {stored.assignments.length === 0 ? <p className="empty-note">{t('handling.noUnits')}</p> : null}
          <ul className="case-units">
            {caseRows(stored, props.units).map((row) => (
              <li key={row.assignment.id} className={`case-unit is-${row.assignment.state}`}>
                <div className="case-unit-head">
                  <span className="case-part">{t(`handling.part.${row.assignment.part}`)}</span>
                  <strong>{row.unitName}</strong>
                  <span className="case-note">{t(`handling.state.${row.assignment.state}`)}</span>
                  {row.answerClass === null ? null : <span className="case-class">{row.answerClass}</span>}
                  {row.answerClass === null || row.answerAt === null ? null : (
                    <button
                      type="button"
                      className="button is-small is-quiet"
                      onClick={() => {
                        const cover = {
                          unitName: row.unitName,
                          proposalNumber: number ?? '',
                          proposalTitle: props.title,
                          replyClass: row.answerClass ?? 'A',
                          date: dateText(row.answerAt ?? Date.now(), 'zh-CN'),
                        };
                        void replyCoverFileOf(cover).then(saveFile);
                      }}
                    >
                      {t('handling.replyCover')}
                    </button>
                  )}
                </div>
                {row.assignment.declineReason === null ? null : (
                  <p className="case-note">{t('handling.reasonOf', { reason: row.assignment.declineReason })}</p>
                )}
                {row.opinion === null ? null : <p>{t('handling.opinion', { text: row.opinion })}</p>}
                {row.answerText === null ? (
                  row.assignment.part === 'co' ? null : (
                    <p className="case-note">{t('handling.noAnswer')}</p>
                  )
                ) : row.answerText === '' ? null : (
                  <p className="case-answer">{row.answerText}</p>
                )}
                {row.answerAttachmentId === null
                  ? null
                  : (() => {
                      const letter = props.attachments.find((each) => each.id === row.answerAttachmentId);
                      return letter === undefined ? null : (
                        <AttachmentLink docId={props.docId} attachment={letter} label={t('attachments.replyLetter')} />
                      );
                    })()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {stored.ratings.length === 0 ? null : (
        <ul className="case-ratings">
          {stored.ratings.map((rating) => (
            <li key={`${rating.userId}-${rating.round}`}>
              {t('handling.ratingOf', {
                name: personNameOf(props.people, rating.userId),
                handling: t(`handling.satisfaction.${rating.handling}`),
                result: t(`handling.satisfaction.${rating.result}`),
              })}
              {stored.round > 1 ? ` · ${t('handling.round', { round: rating.round })}` : null}
              {rating.comment === '' ? null : <span className="case-note">：{rating.comment}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
