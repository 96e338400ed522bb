import { docFileListSchema, docFileSchema, sha256Schema } from '../../../shared/api/docFiles';
import { docIdSchema } from '../../../shared/api/schemas';
import { DOC_FILE_MEDIA_TYPES } from '../../../shared/domain/docFiles';
import { Access, REFUSED_BY_RULES, type RouteSpec, Tag } from './RouteSpec';

const docParam = { id: { schema: docIdSchema, description: "The document's id" } };
const fileParams = {
  ...docParam,
  sha256: { schema: sha256Schema, description: "The SHA-256 of the file's bytes, 64 lowercase hex digits" },
};
const READERS = 'Whoever may `read_document` (a unit: only a filed proposal handed to it).';

/** The files a document's text shows or links to (docs/API.md "Document files"; docs/RULES.md DF1-DF5). */
export const DOC_FILE_ROUTES: readonly RouteSpec[] = [
  {
    method: 'put',
    path: '/api/docs/{id}/files/{sha256}',
    operationId: 'putDocFile',
    tag: Tag.documents,
    summary:
      'Link a file (a photo or an attachment) to the document by the SHA-256 of its bytes; the same file again changes nothing',
    who: '`edit_content`: whoever may write the document’s text (its group’s members while it is a draft or returned).',
    access: Access.signedIn,
    params: fileParams,
    body: {
      mediaType: 'application/octet-stream',
      description: `The file's bytes, at most 10 MiB, sent raw with its Content-Type, one of ${DOC_FILE_MEDIA_TYPES.join(', ')}. Their SHA-256 must be the path's, and their first bytes those of the type.`,
    },
    answers: {
      201: { description: 'Linked now', schema: docFileSchema },
      200: { description: 'Already linked to this document: the link as it was', schema: docFileSchema },
    },
    errors: {
      400: 'the file is empty, its SHA-256 is not the path’s (`field`: sha256), or its bytes are not of the type it says',
      403: REFUSED_BY_RULES,
      404: 'no such document',
      413: 'payload_too_large: the file is larger than 10 MiB; quota_exceeded: the document’s or the committee’s files would pass their quota (`quota`, `used`, `limit` in bytes)',
      415: 'the Content-Type is not one of the types taken',
    },
  },
  {
    method: 'get',
    path: '/api/docs/{id}/files',
    operationId: 'listDocFiles',
    tag: Tag.documents,
    summary: "The document's files, oldest first, without their bytes, and the document's and the committee's quotas",
    who: READERS,
    access: Access.signedIn,
    params: docParam,
    answers: { 200: { description: 'The files and the quotas', schema: docFileListSchema } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document' },
  },
  {
    method: 'get',
    path: '/api/docs/{id}/files/{sha256}',
    operationId: 'getDocFile',
    tag: Tag.documents,
    summary:
      'A file’s bytes with its type, `Cache-Control: private, max-age=31536000, immutable`, `nosniff` and a sandboxing Content-Security-Policy',
    who: READERS,
    access: Access.signedIn,
    params: fileParams,
    answers: { 200: { description: 'The bytes', mediaType: 'application/octet-stream' } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document, or the file is not linked to it' },
  },
  {
    method: 'head',
    path: '/api/docs/{id}/files/{sha256}',
    operationId: 'hasDocFile',
    tag: Tag.documents,
    summary: 'Whether the file is linked to the document (200) or not (404), without its bytes',
    who: READERS,
    access: Access.signedIn,
    params: fileParams,
    answers: { 200: { description: 'Linked' } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document, or the file is not linked to it' },
  },
];
