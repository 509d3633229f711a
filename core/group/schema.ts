/** Militant organisations and their published strength estimates. */
import { z } from 'zod';
import { CalendarDate, Count, OptionalText, type Versioned } from '../common-schemas';

export const StrengthEstimate = z
  .object({
    low: Count,
    high: Count,
    asOf: CalendarDate,
    source: z.string({ error: 'is required' }).trim().min(1, 'is required').max(300, 'is too long'),
  })
  .refine((e) => e.high >= e.low, { message: 'the high figure must be at least the low figure', path: ['high'] });
export type StrengthEstimate = z.output<typeof StrengthEstimate>;

const groupFields = {
  shortName: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(40, 'is too long (40 characters at most)'),
  fullName: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'is too long (200 characters at most)'),
  aliases: z
    .array(z.string().trim().min(1, 'cannot be empty').max(100, 'is too long'))
    .max(30, 'at most 30 aliases')
    .default([]),
  baseCountry: OptionalText(60),
  proscribed: z.boolean({ error: 'must be true or false' }).default(false),
  description: OptionalText(2000),
  strengthEstimates: z.array(StrengthEstimate).max(50).default([]),
};

export const CreateGroupInput = z.strictObject(groupFields);
export type CreateGroupInput = z.input<typeof CreateGroupInput>;
export type GroupFields = z.output<typeof CreateGroupInput>;

export interface Group extends Versioned {
  shortName: string;
  fullName: string;
  aliases: string[];
  baseCountry: string | null;
  proscribed: boolean;
  description: string | null;
  strengthEstimates: StrengthEstimate[];
}
