import { useEffect, useState } from 'react';
import { z } from 'zod';
import { MAX_TITLE_LENGTH, parseDocId, parseDocKind } from '../../../shared';
import { useOnline } from '../../lib/useOnline';
import type { ServerDoc } from './mergeDocLists';

const DocsResponse = z.object({
  docs: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string().nullable(), updatedAt: z.number() })),
});

export type ServerDocsState =
  | { readonly status: 'offline' | 'loading' | 'failed' }
  | { readonly status: 'ready'; readonly docs: readonly ServerDoc[] };

/** Fetches and validates the server's document list; entries with invalid ids are dropped. */
export async function fetchServerDocs(signal?: AbortSignal): Promise<ServerDoc[]> {
  const response = await fetch('/api/docs', { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET /api/docs answered ${response.status}`);
  }
  const body = DocsResponse.parse(await response.json());
  return body.docs.flatMap((doc) => {
    const id = parseDocId(doc.id);
    return id === null
      ? []
      : [{ id, title: doc.title.slice(0, MAX_TITLE_LENGTH), kind: parseDocKind(doc.kind), updatedAt: doc.updatedAt }];
  });
}

/** The server's documents while online; fetched again whenever the browser comes back online. */
export function useServerDocs(): ServerDocsState {
  const isOnline = useOnline();
  const [state, setState] = useState<ServerDocsState>({ status: isOnline ? 'loading' : 'offline' });
  useEffect(() => {
    if (!isOnline) {
      setState({ status: 'offline' });
      return undefined;
    }
    const controller = new AbortController();
    fetchServerDocs(controller.signal).then(
      (docs) => setState({ status: 'ready', docs }),
      () => {
        if (!controller.signal.aborted) {
          setState({ status: 'failed' });
        }
      },
    );
    return () => controller.abort();
  }, [isOnline]);
  return state;
}
