import type { JobRunner, UnitLine } from './runner'

/** A paced job as its service holds it: the runner and the rate it sends at. */
export interface PacedJob {
  runner: Pick<
    JobRunner<{ key: number }, UnitLine>,
    'status' | 'note' | 'pause' | 'resume' | 'cancel'
  >
  rate: number
}

/**
 * The marketer's pause / resume / cancel, with an optional new rate, for any paced job
 * (bulk sends, segment changes). A finished or cancelled job is left as it is; the new rate
 * goes into the journal first, so a restart resumes at the rate last chosen. Returns
 * whether the job was still live, for the caller to announce its new state.
 */
export async function controlPacedJob(
  job: PacedJob,
  action: 'pause' | 'resume' | 'cancel',
  rate?: number,
): Promise<boolean> {
  const { status } = job.runner
  if (status === 'done' || status === 'cancelled') return false
  if (rate !== undefined) {
    job.rate = rate
    await job.runner.note('rate', { rate })
  }
  if (action === 'pause' && status === 'running') await job.runner.pause()
  else if (action === 'resume' && status !== 'running') await job.runner.resume()
  else if (action === 'cancel') await job.runner.cancel()
  return true
}
