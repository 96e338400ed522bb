import { lazy, type ReactElement, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../shared/domain/figures';
import type { SessionId } from '../../../shared/domain/ids';
import { type ExportFile, type ReportTable, reportCsvFile, reportXlsxFile, saveFile } from '../../core/export';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { Page } from '../shell/Page';
import { FiguresTables } from './FiguresTables';
import { FiguresTiles } from './FiguresTiles';
import { figuresTables } from './figuresTables';

// ECharts is loaded with the charts only, never in the main bundle.
const FiguresCharts = lazy(() => import('./FiguresCharts').then((module) => ({ default: module.FiguresCharts })));

/** The session select's value for "all sessions". */
const ALL_SESSIONS = 'all';

function ExportButtons({ tables, stem }: { readonly tables: readonly ReportTable[]; readonly stem: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (kind: 'xlsx' | 'csv', make: () => Promise<ExportFile>) => {
    setBusy(kind);
    setError(null);
    make().then(
      (file) => {
        saveFile(file);
        setBusy(null);
      },
      (thrown: unknown) => {
        setError(t('figures.exportFailed', { error: errorText(thrown, t) }));
        setBusy(null);
      },
    );
  };
  return (
    <div className="figures-export">
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        onClick={() => run('xlsx', () => reportXlsxFile(stem, tables))}
      >
        {t('figures.exportXlsx')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        onClick={() => run('csv', async () => reportCsvFile(stem, tables))}
      >
        {t('figures.exportCsv')}
      </button>
      <FormError message={error} />
    </div>
  );
}

function FiguresBody({ figures, stem }: { readonly figures: Figures; readonly stem: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const tables = useMemo(() => figuresTables(figures, t), [figures, t]);
  return (
    <>
      <FiguresTiles figures={figures} />
      <p className="section-note">
        {t('figures.computedAt', { time: new Date(figures.computedAt).toLocaleString(i18n.language) })}
      </p>
      <Suspense fallback={<p className="empty-note">{t('figures.loadingCharts')}</p>}>
        <FiguresCharts figures={figures} />
      </Suspense>
      <ExportButtons tables={tables} stem={stem} />
      <FiguresTables tables={tables} />
    </>
  );
}

/**
 * `/figures` (统计): the proposals committee's figures for its annual report, of one session or
 * of all, with charts, the tables and their export as .xlsx or CSV (view_all_documents, P19).
 */
export function FiguresPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  // undefined: the current session, once the sessions are known; null: every session.
  const [choice, setChoice] = useState<SessionId | null | undefined>(undefined);
  const data = useApiData(
    useCallback(async () => {
      const sessions = await api.handling.listSessions();
      const sessionId = choice === undefined ? (sessions.find((session) => session.isCurrent)?.id ?? null) : choice;
      return { sessions, sessionId, figures: await api.handling.getFigures(sessionId) };
    }, [api, choice]),
  );
  const ready = data.status === 'ready' ? data.value : null;
  const sessionName = ready?.sessions.find((session) => session.id === ready.sessionId)?.name;
  const stem = `${t('figures.fileStem')}-${sessionName ?? t('figures.allSessions')}`;
  return (
    <Page title={t('figures.title')} className="is-wide">
      <div className="page-head">
        <h1>{t('figures.title')}</h1>
        <label className="figures-session">
          <span>{t('figures.session')}</span>
          <select
            value={ready === null ? '' : (ready.sessionId ?? ALL_SESSIONS)}
            disabled={ready === null}
            onChange={(event) =>
              setChoice(event.target.value === ALL_SESSIONS ? null : (event.target.value as SessionId))
            }
          >
            {ready === null ? <option value="">{t('common.loading')}</option> : null}
            {(ready?.sessions ?? []).map((session) => (
              <option key={session.id} value={session.id}>
                {session.name}
                {session.isCurrent ? t('figures.current') : ''}
              </option>
            ))}
            <option value={ALL_SESSIONS}>{t('figures.allSessions')}</option>
          </select>
        </label>
      </div>
      <p className="section-note">{t('figures.lead')}</p>
      {isOnline ? null : <p className="notice is-warning">{t('figures.needsOnline')}</p>}
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      {data.status === 'loading' ? <p className="empty-note">{t('common.loading')}</p> : null}
      {ready === null ? null : <FiguresBody figures={ready.figures} stem={stem} />}
    </Page>
  );
}
