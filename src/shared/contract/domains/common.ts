import { z } from 'zod'

/** Inputs shared by many channels. */
export const noInput = z.object({}).strict()
export const byId = z.object({ id: z.string().uuid() }).strict()
