export const jobFailures = {
  'job-not-resumable': 'This job has finished or is already running.',
  'job-not-running': 'Only a running job can be paused.',
  'job-stopped':
    'The job stopped unexpectedly ({cause}). What was done is kept: resume to carry on.',
} as const
