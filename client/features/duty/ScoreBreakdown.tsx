import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { DataTableHead } from '../../ui/DataTableHead';
import { factHref, factLabel, factTitle, pointsText } from './dutyModel';

type Line = MemberYearAnswer['score']['lines'][number];

function LineFacts({ answer, line }: { readonly answer: MemberYearAnswer; readonly line: Line }): ReactElement {
  const { t } = useTranslation();
  const facts = answer.facts.filter((fact) => line.factIds.includes(fact.id));
  return (
    <details className="duty-line-facts">
      <summary>{t('duty.breakdown.showFacts', { count: facts.length })}</summary>
      <ul>
        {facts.map((fact) => {
          const href = factHref(fact);
          const title = factTitle(fact, answer.titles, t);
          return (
            <li key={fact.id}>
              <span className="duty-fact-label">{factLabel(fact, t)}</span>{' '}
              {href === null ? <span>{title}</span> : <Link href={href}>{title}</Link>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Y5: each score line with its raw sum, its cap, what it added, and the facts it counts (each linking to its source). */
export function ScoreBreakdown({ answer }: { readonly answer: MemberYearAnswer }): ReactElement {
  const { t } = useTranslation();
  const lines = answer.score.lines;
  return (
    <section className="card duty-breakdown" aria-labelledby="duty-breakdown-title">
      <h2 id="duty-breakdown-title">{t('duty.breakdown.title')}</h2>
      {lines.length === 0 ? (
        <p className="empty-note">{t('duty.breakdown.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table duty-lines">
            <DataTableHead
              columns={[
                t('duty.breakdown.item'),
                t('duty.breakdown.raw'),
                t('duty.breakdown.cap'),
                t('duty.breakdown.points'),
              ]}
            />
            <tbody>
              {lines.map((line) => {
                const cap = answer.rules.items[line.key].cap;
                const heldBack = Math.abs(line.raw) - Math.abs(line.points);
                return (
                  <tr key={line.key} data-rule={line.key}>
                    <td>
                      <div className="duty-line-name">{t(`duty.rule.${line.key}`)}</div>
                      {heldBack > 0 ? (
                        <small className="duty-capped">
                          {t('duty.breakdown.capped', { count: Number(pointsText(heldBack)) })}
                        </small>
                      ) : null}
                      <LineFacts answer={answer} line={line} />
                    </td>
                    <td className="is-number">{pointsText(line.raw)}</td>
                    <td className="is-number">{cap === null ? t('duty.breakdown.noCap') : cap}</td>
                    <td className="is-number duty-line-points">{pointsText(line.points)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
