import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readStorageReport, type StorageReport } from '../../core/storage';

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 100 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/**
 * "本机已存储 X MB" with whether the browser promised to keep the data (C2), and when it did not,
 * what the member can do so that nothing is lost.
 */
export function StorageUsage(): ReactElement | null {
  const { t } = useTranslation();
  const [report, setReport] = useState<StorageReport | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void readStorageReport().then((value) => {
      if (isCurrent) {
        setReport(value);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (report === null) {
    return null;
  }
  if (report.usageBytes === null) {
    return <p className="storage-usage">{t('storage.unknown')}</p>;
  }
  const isPersisted = report.isPersisted === true;
  return (
    <div className="storage-usage" data-persisted={String(report.isPersisted)}>
      <p>
        <span>{t('storage.usage', { size: formatBytes(report.usageBytes) })}</span>{' '}
        <span className={isPersisted ? 'persist-ok' : 'persist-warn'}>
          {isPersisted ? t('storage.persisted') : t('storage.notPersisted')}
        </span>
      </p>
      {/* A warning without a way out only worries: say what the member can do about it. */}
      {isPersisted ? null : <p className="persist-what">{t('storage.notPersistedWhat')}</p>}
    </div>
  );
}
