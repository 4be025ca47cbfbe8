import { z } from 'zod'
import { withCsvChoice } from '../../csv-export'

/** Inputs shared by many channels. */
export const noInput = z.object({}).strict()
export const byId = z.object({ id: z.string().uuid() }).strict()

/** An export with nothing else to say than the marketer's separator. */
export const csvOnly = withCsvChoice(noInput)

/** A job's report as a spreadsheet. */
export const jobReport = withCsvChoice(z.object({ jobId: z.string().uuid() }).strict())
