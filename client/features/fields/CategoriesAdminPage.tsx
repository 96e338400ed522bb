import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/domain/categories';
import { rememberCategories } from '../../core/committee';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { AdminTabs } from '../admin/AdminTabs';
import { Page } from '../shell/Page';
import { SubmitChecksSettings } from './SubmitChecksSettings';

/** A new category's id: documents store ids, so a Chinese name needs one made up. */
function newCategoryId(): string {
  return `c-${crypto.randomUUID().slice(0, 8)}`;
}

function CategoryRows({
  rows,
  isDisabled,
  onRows,
}: {
  readonly rows: readonly Category[];
  readonly isDisabled: boolean;
  readonly onRows: (rows: Category[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const change = (index: number, name: string): void =>
    onRows(rows.map((row, at) => (at === index ? { ...row, name } : row)));
  const moveUp = (index: number): void => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row !== undefined) {
      next.splice(index - 1, 0, row);
      onRows(next);
    }
  };
  return (
    <ol className="category-rows">
      {rows.map((row, index) => (
        <li key={row.id} className="category-row" data-category={row.id}>
          <input
            type="text"
            aria-label={t('fields.admin.name')}
            value={row.name}
            maxLength={20}
            disabled={isDisabled}
            onChange={(event) => change(index, event.target.value)}
          />
          <button
            type="button"
            className="button is-small is-quiet"
            disabled={isDisabled || index === 0}
            onClick={() => moveUp(index)}
          >
            {t('fields.admin.up')}
          </button>
          <button
            type="button"
            className="button is-small is-quiet"
            disabled={isDisabled || rows.length === 1}
            onClick={() => onRows(rows.filter((_, at) => at !== index))}
          >
            {t('fields.admin.remove')}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** `/admin/categories` (类别与检查): the category list documents choose from, and the checks before submitting. */
export function CategoriesAdminPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const list = useApiData(useCallback(() => api.categories(), [api]));
  const [rows, setRows] = useState<Category[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (list.status === 'ready') {
      setRows(list.value.categories);
    }
  }, [list]);
  const save = async (): Promise<void> => {
    if (rows === null) {
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const saved = await api.putCategories({ categories: rows });
      rememberCategories(saved.categories);
      setRows(saved.categories);
      setSaved(true);
    } catch (thrown) {
      setError(errorText(thrown, t));
    } finally {
      setBusy(false);
    }
  };
  const isDisabled = !isOnline || isBusy;
  return (
    <Page title={t('fields.admin.title')} className="is-wide">
      <AdminTabs />
      <div className="page-head">
        <h1>{t('fields.admin.title')}</h1>
      </div>
      <p className="section-note">{t('fields.admin.lead')}</p>
      <section className="card" aria-label={t('fields.admin.title')}>
        {isOnline ? null : <p className="notice is-warning">{t('fields.admin.needsOnline')}</p>}
        <FormError message={list.status === 'failed' ? errorText(list.error, t) : error} />
        {rows === null ? null : (
          <>
            <CategoryRows
              rows={rows}
              isDisabled={isDisabled}
              onRows={(next) => {
                setRows(next);
                setSaved(false);
              }}
            />
            <div className="category-actions">
              <button
                type="button"
                className="button"
                disabled={isDisabled}
                onClick={() => setRows([...rows, { id: newCategoryId(), name: t('fields.admin.newName') }])}
              >
                {t('fields.admin.add')}
              </button>
              <button type="button" className="button is-primary" disabled={isDisabled} onClick={() => void save()}>
                {t('fields.admin.save')}
              </button>
            </div>
            {isSaved ? (
              <p className="notice" role="status">
                {t('fields.admin.saved')}
              </p>
            ) : null}
          </>
        )}
      </section>
      <SubmitChecksSettings isOnline={isOnline} />
    </Page>
  );
}
