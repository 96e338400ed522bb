import { z } from 'zod';
import type {
  createVersionRequestSchema,
  markReadRequestSchema,
  mentionRequestSchema,
} from '../../../shared/api/review';
import {
  type acceptInvitationRequestSchema,
  apiTokenSchema,
  type changePasswordRequestSchema,
  type createDocRequestSchema,
  type createInvitationRequestSchema,
  type createTokenRequestSchema,
  docRecordSchema,
  groupSchema,
  invitationSchema,
  personSchema,
  type setupRequestSchema,
  type signInRequestSchema,
  type updatePersonRequestSchema,
} from '../../../shared/api/schemas';

/** The shapes of the API's answers that are lists, and of the request bodies callers build. */

export const docListSchema = z.object({ docs: z.array(docRecordSchema) });
export const groupListSchema = z.object({ groups: z.array(groupSchema) });
export const peopleSchema = z.object({ people: z.array(personSchema) });
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });
export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export const noContent = z.undefined();
export const unreadSchema = z.object({ unreadCount: z.number() });

/** Request bodies as callers write them (before the schemas fill in defaults). */
export type SetupInput = z.input<typeof setupRequestSchema>;
export type SignInInput = z.input<typeof signInRequestSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordRequestSchema>;
export type CreateDocInput = z.input<typeof createDocRequestSchema>;
export type CreateInvitationInput = z.input<typeof createInvitationRequestSchema>;
export type AcceptInvitationInput = z.input<typeof acceptInvitationRequestSchema>;
export type CreateVersionInput = z.input<typeof createVersionRequestSchema>;
export type MentionInput = z.input<typeof mentionRequestSchema>;
export type MarkReadInput = z.input<typeof markReadRequestSchema>;
export type CreateTokenInput = z.input<typeof createTokenRequestSchema>;
export type UpdatePersonInput = z.input<typeof updatePersonRequestSchema>;
