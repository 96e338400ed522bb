import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CommitteeDutyAnswer } from '../../../shared/api/duty';
import { dateText } from '../handling/caseModel';
import { type CommitteeRow, DEFAULT_SORT, nextSort, type SortKey, type SortOrder, sortRows } from './committeeTable';
import { flagText, pointsText } from './dutyModel';
import { ReminderDialog, TalkDialog } from './ReviewActions';

const COLUMNS: readonly SortKey[] = ['name', 'total', 'participation', 'results', 'level', 'lastFactAt', 'flags'];

function SortHeading(props: {
  readonly column: SortKey;
  readonly order: SortOrder;
  readonly onSort: (key: SortKey) => void;
}): ReactElement {
  const { t } = useTranslation();
  const label = t(`duty.committee.table.${props.column}`);
  const isSorted = props.order.key === props.column;
  const direction = props.order.isDescending ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={isSorted ? direction : undefined}>
      <button
        type="button"
        className="duty-sort"
        title={t('duty.committee.table.sortBy', { column: label })}
        onClick={() => props.onSort(props.column)}
      >
        {label}
        <span aria-hidden="true">{isSorted ? (props.order.isDescending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function MemberRow(props: {
  readonly row: CommitteeRow;
  readonly year: number;
  readonly now: number;
  readonly onAct: (row: CommitteeRow, kind: 'talk' | 'remind') => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { row } = props;
  return (
    <tr data-member={row.userId}>
      <th scope="row" data-label={t('duty.committee.table.name')}>
        <Link href={`/duty/members/${row.userId}?year=${props.year}`}>{row.name}</Link>
        <small className="duty-row-state">{t(`duty.state.${row.state}`)}</small>
      </th>
      <td className="is-number" data-label={t('duty.committee.table.total')}>
        {pointsText(row.total)}
      </td>
      <td className="is-number" data-label={t('duty.committee.table.participation')}>
        {pointsText(row.participation)}
      </td>
      <td className="is-number" data-label={t('duty.committee.table.results')}>
        {pointsText(row.results)}
      </td>
      <td data-label={t('duty.committee.table.level')}>
        <span className={`duty-level is-small is-${row.level}`}>{t(`duty.levels.${row.level}`)}</span>
      </td>
      <td data-label={t('duty.committee.table.lastFactAt')}>
        {row.lastFactAt === null ? t('duty.committee.table.never') : dateText(row.lastFactAt, i18n.language)}
      </td>
      <td data-label={row.flags.length + row.talks + row.reminders === 0 ? undefined : t('duty.committee.table.flags')}>
        <span className="duty-flags">
          {row.flags.map((flag) => (
            <span key={flag} className={`duty-flag is-${flag}`} data-flag={flag}>
              {flagText(flag, row.lastFactAt, props.now, t)}
            </span>
          ))}
        </span>
        {row.talks + row.reminders === 0 ? null : (
          <small className="duty-row-state">
            {[
              row.talks > 0 ? t('duty.committee.table.talks', { count: row.talks }) : null,
              row.reminders > 0 ? t('duty.committee.table.reminders', { count: row.reminders }) : null,
            ]
              .filter((part) => part !== null)
              .join(' · ')}
          </small>
        )}
      </td>
      <td className="duty-row-actions">
        <button type="button" className="button is-small" onClick={() => props.onAct(row, 'remind')}>
          {t('duty.review.remind')}
        </button>
        <button type="button" className="button is-small" onClick={() => props.onAct(row, 'talk')}>
          {t('duty.review.talk')}
        </button>
        <Link className="button is-small" href={`/duty/members/${row.userId}?year=${props.year}`}>
          {t('duty.committee.table.view')}
        </Link>
      </td>
    </tr>
  );
}

/** The members the caller may see, sortable by each column, flagged, each with 提醒, 约谈 and 查看 one click away. */
export function MembersTable(props: {
  readonly answer: CommitteeDutyAnswer;
  readonly onChanged: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT);
  const [acting, setActing] = useState<{ row: CommitteeRow; kind: 'talk' | 'remind' } | null>(null);
  const rows = sortRows(props.answer.rows, order, i18n.language);
  const now = Date.now();
  const dialog = (kind: 'talk' | 'remind') => ({
    userId: acting?.row.userId ?? props.answer.rows[0]?.userId ?? ('' as CommitteeRow['userId']),
    year: props.answer.year,
    isOpen: acting?.kind === kind,
    onClose: () => setActing(null),
    onDone: props.onChanged,
    about: acting?.row.name,
  });
  return (
    <section className="card is-flush duty-members" aria-labelledby="duty-members-title">
      <h2 id="duty-members-title">{t('duty.committee.table.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty-note">{t('duty.committee.table.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table duty-members-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeading
                    key={column}
                    column={column}
                    order={order}
                    onSort={(key) => setOrder(nextSort(order, key))}
                  />
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('docs.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <MemberRow
                  key={row.userId}
                  row={row}
                  year={props.answer.year}
                  now={now}
                  onAct={(each, kind) => setActing({ row: each, kind })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TalkDialog {...dialog('talk')} />
      <ReminderDialog {...dialog('remind')} />
    </section>
  );
}
