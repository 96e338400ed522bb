import { type ReactElement, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { DocListPage } from '../features/doc-list/DocListPage';
import { DocumentPage } from '../features/document/DocumentPage';
import { StorageBanner } from '../features/storage/StorageBanner';
import { startBackgroundUpload } from '../session/backgroundUpload';
import { getServices } from './services';
import { useLeaveGuard } from './useLeaveGuard';

function NotFound(): ReactElement {
  const { t } = useTranslation();
  return <p className="page-notice">{t('notFound.message')}</p>;
}

/** Routes: `/` the document list, `/d/:docId` a document. */
export function App(): ReactElement {
  useLeaveGuard();
  useEffect(() => startBackgroundUpload(getServices()), []);
  return (
    <>
      <StorageBanner />
      <Switch>
        <Route path="/">
          <DocListPage />
        </Route>
        <Route path="/d/:docId">{(params) => <DocumentPage docIdText={params.docId} />}</Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </>
  );
}
