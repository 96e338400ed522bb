import { z } from 'zod';
import {
  adoptionListSchema,
  adoptionRequestSchema,
  attachmentListSchema,
  attachmentSchema,
} from '../../../shared/api/attachments';
import { docIdSchema } from '../../../shared/api/schemas';
import { Access, REFUSED_BY_RULES, type RouteSpec, Tag } from './RouteSpec';

const docParam = { id: { schema: docIdSchema, description: "The document's id" } };
const READERS = 'Whoever may `read_document` (a unit: only a filed proposal handed to it).';
const RECORDERS = '`record_adoption` (the secretariat, on an approved or filed report: docs/RULES.md P20).';

/** Files tied to documents and the use made of reports (docs/API.md, "Attachments and the use made of reports"). */
export const ATTACHMENT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/api/docs/{id}/attachments',
    operationId: 'uploadAttachment',
    tag: Tag.documents,
    summary:
      'Upload a file tied to the document; the query names its `kind` (reply_letter | evidence) and its `name` (the file name)',
    who: 'A reply letter: `handle_proposal` (a unit the proposal is handed to). Evidence: `record_adoption` (the secretariat).',
    access: Access.signedIn,
    params: docParam,
    body: {
      mediaType: 'application/pdf',
      description:
        'The file, at most 10 MiB, sent raw with its Content-Type: application/pdf or application/vnd.openxmlformats-officedocument.wordprocessingml.document (either kind), image/jpeg or image/png (evidence only). Its first bytes must match the type.',
    },
    answers: { 201: { description: 'The file as stored, without its bytes', schema: attachmentSchema } },
    errors: {
      400: 'the query is wrong, the file is empty, or its bytes are not of the type it says',
      403: REFUSED_BY_RULES,
      404: 'no such document',
      413: 'the file is larger than 10 MiB',
      415: 'the Content-Type is not one the kind takes',
    },
  },
  {
    method: 'get',
    path: '/api/docs/{id}/attachments',
    operationId: 'listAttachments',
    tag: Tag.documents,
    summary: "The document's files, oldest first, without their bytes",
    who: READERS,
    access: Access.signedIn,
    params: docParam,
    answers: { 200: { description: 'The files', schema: attachmentListSchema } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document' },
  },
  {
    method: 'get',
    path: '/api/docs/{id}/attachments/{attachmentId}',
    operationId: 'downloadAttachment',
    tag: Tag.documents,
    summary:
      'Download a file: its bytes with its type, `Content-Disposition: attachment` (RFC 5987 name) and `X-Content-Type-Options: nosniff`',
    who: READERS,
    access: Access.signedIn,
    params: { ...docParam, attachmentId: { schema: z.string(), description: "The file's id" } },
    answers: { 200: { description: 'The file', mediaType: 'application/octet-stream' } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document, or no such file on it' },
  },
  {
    method: 'get',
    path: '/api/docs/{id}/adoptions',
    operationId: 'listAdoptions',
    tag: Tag.documents,
    summary: 'The use made of a report (forwarded, adopted, instructed), with the evidence files the records cite',
    who: READERS,
    access: Access.signedIn,
    params: docParam,
    answers: { 200: { description: 'The records, by day', schema: adoptionListSchema } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document' },
  },
  {
    method: 'post',
    path: '/api/docs/{id}/adoptions',
    operationId: 'recordAdoption',
    tag: Tag.documents,
    summary: 'Record a use of the report; its proposers are told of an adoption or an instruction',
    who: RECORDERS,
    access: Access.signedIn,
    params: docParam,
    body: { schema: adoptionRequestSchema },
    answers: { 201: { description: 'The records after it', schema: adoptionListSchema } },
    errors: {
      400: 'the day is in the future, or the evidence is not an evidence file of this document',
      403: REFUSED_BY_RULES,
      404: 'no such document',
    },
  },
  {
    method: 'delete',
    path: '/api/docs/{id}/adoptions/{recordId}',
    operationId: 'removeAdoption',
    tag: Tag.documents,
    summary: 'Remove a wrong record; its evidence file stays',
    who: RECORDERS,
    access: Access.signedIn,
    params: { ...docParam, recordId: { schema: z.string(), description: "The record's id" } },
    answers: { 200: { description: 'The records after it', schema: adoptionListSchema } },
    errors: { 403: REFUSED_BY_RULES, 404: 'no such document, or no such record on it' },
  },
];
