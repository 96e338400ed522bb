import { z } from 'zod';
import type {
  createVersionRequestSchema,
  markReadRequestSchema,
  mentionRequestSchema,
} from '../../../shared/api/review';
import type {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  createDocRequestSchema,
  createInvitationRequestSchema,
  createTokenRequestSchema,
  setupRequestSchema,
  signInRequestSchema,
  updatePersonRequestSchema,
} from '../../../shared/api/schemas';

/** The answer of routes that answer 204, and the request bodies callers build. */

export const noContent = z.undefined();

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
