import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common';
import { StaffRoleSchema } from './auth';

export const UnitSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  name: z.string(),
  createdAt: TimestampSchema,
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitListSchema = z.object({ units: z.array(UnitSchema) });
export type UnitList = z.infer<typeof UnitListSchema>;

export const CreateUnitRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
export type CreateUnitRequest = z.infer<typeof CreateUnitRequestSchema>;

/** A staff account as an administrator sees it (never its password hash or TOTP secret). */
export const StaffAccountSchema = z.object({
  id: IdSchema,
  email: z.email(),
  displayName: z.string(),
  role: StaffRoleSchema,
  /** The home unit, where the patients this person creates belong. */
  unitId: IdSchema,
  /** Further units whose patients this person may see. */
  otherUnitIds: z.array(IdSchema),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: TimestampSchema,
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

export const StaffListSchema = z.object({ staff: z.array(StaffAccountSchema) });
export type StaffList = z.infer<typeof StaffListSchema>;

/** An initial password that the person changes (OWASP: at least 12 characters here). */
const NewPasswordSchema = z.string().min(12).max(1024);

export const CreateStaffRequestSchema = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  role: StaffRoleSchema,
  unitId: IdSchema,
  otherUnitIds: z.array(IdSchema).max(100).default([]),
  password: NewPasswordSchema,
});
export type CreateStaffRequest = z.input<typeof CreateStaffRequestSchema>;

export const UpdateStaffRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).optional(),
    role: StaffRoleSchema.optional(),
    unitId: IdSchema.optional(),
    otherUnitIds: z.array(IdSchema).max(100).optional(),
    disabled: z.boolean().optional(),
    /** Removes the second factor, e.g. after a lost phone; the person enrols again. */
    resetTotp: z.literal(true).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequestSchema>;

export const StaffParamsSchema = z.object({ staffId: IdSchema });
