import { categoryListRequestSchema, categoryListSchema } from '../../../shared/api/committee';
import { submitChecksRequestSchema, submitChecksSettingSchema } from '../../../shared/api/submitChecks';
import { Access, REFUSED_BY_RULES, type RouteSpec, Tag } from './RouteSpec';

/** The committee's settings (docs/API.md, "Committee settings"). */
export const SETTINGS_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/api/committee/categories',
    operationId: 'getCategories',
    tag: Tag.settings,
    summary: 'The categories (类别) documents choose from, in the order shown; the defaults until edited',
    who: 'Signed in.',
    access: Access.signedIn,
    answers: { 200: { description: 'The category list', schema: categoryListSchema } },
  },
  {
    method: 'put',
    path: '/api/committee/categories',
    operationId: 'putCategories',
    tag: Tag.settings,
    summary: 'Replace the category list (ids and names each once; at least one)',
    who: '`manage_committee` (the secretariat).',
    access: Access.signedIn,
    body: { schema: categoryListRequestSchema },
    answers: { 200: { description: 'The list as stored', schema: categoryListSchema } },
    errors: { 403: REFUSED_BY_RULES },
  },
  {
    method: 'get',
    path: '/api/committee/submit-checks',
    operationId: 'getSubmitChecks',
    tag: Tag.settings,
    summary:
      'The checks before submitting, per kind (on or off, warning or blocking, limits); the defaults until edited',
    who: 'Signed in.',
    access: Access.signedIn,
    answers: { 200: { description: 'The checks', schema: submitChecksSettingSchema } },
  },
  {
    method: 'put',
    path: '/api/committee/submit-checks',
    operationId: 'putSubmitChecks',
    tag: Tag.settings,
    summary: 'Replace the checks before submitting (every check of every kind)',
    who: '`manage_committee` (the secretariat).',
    access: Access.signedIn,
    body: { schema: submitChecksRequestSchema },
    answers: { 200: { description: 'The checks as stored', schema: submitChecksSettingSchema } },
    errors: { 403: REFUSED_BY_RULES },
  },
];
