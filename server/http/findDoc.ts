import type { DocRecord } from '../../shared/api/schemas';
import type { DocId } from '../../shared/index';
import type { GetDocumentOptions } from '../storage/DocRecordStore';
import { ApiError } from './ApiError';
import type { ApiDeps } from './apiEnv';

/** The document's record, or 404. */
export async function findDoc(
  deps: Pick<ApiDeps, 'records'>,
  id: DocId,
  options: GetDocumentOptions = {},
): Promise<DocRecord> {
  const record = await deps.records.getDocument(id, options);
  if (record === null) {
    throw ApiError.notFound(`No document ${id} is registered`);
  }
  return record;
}
