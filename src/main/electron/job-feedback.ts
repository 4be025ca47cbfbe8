import { BrowserWindow, dialog, Notification } from 'electron'
import type { RunningJobs } from '../jobs/running-jobs'
import { fill, type DesktopWords } from './desktop-words'

/**
 * Long jobs as the desktop shows them: taskbar/dock progress while any runs, an OS
 * notification when one ends while the window is not in front, and a question before
 * closing the window on a running job (it resumes on the next launch, never twice).
 */
export function mountJobFeedback(jobs: RunningJobs, words: () => DesktopWords): void {
  const windows = (): BrowserWindow[] => BrowserWindow.getAllWindows()

  jobs.onChange(() => {
    const p = jobs.progress()
    // -1 removes the bar; 2 would show an indeterminate one.
    for (const win of windows()) win.setProgressBar(p === null ? -1 : p)
  })

  jobs.onEnd((job) => {
    if (windows().some((w) => w.isFocused()) || !Notification.isSupported()) return
    const w = words()
    new Notification({
      title: fill(w.jobs[job.kind], { name: job.name }),
      body: job.outcome === 'finished' ? w.jobs.finished : w.jobs.stopped,
    }).show()
  })
}

/** Asks before a window closes on a running job; true when it may close. */
export function confirmCloseWithJobs(
  win: BrowserWindow,
  jobs: RunningJobs,
  words: DesktopWords,
): boolean {
  const running = jobs.list()
  if (running.length === 0) return true
  const names = running.map((j) => fill(words.jobs[j.kind], { name: j.name })).join(', ')
  const answer = dialog.showMessageBoxSync(win, {
    type: 'question',
    title: words.quit.title,
    message: fill(words.quit.message, { jobs: names }),
    detail: words.quit.detail,
    buttons: [words.quit.keepWorking, words.quit.quitAnyway],
    defaultId: 0,
    cancelId: 0,
  })
  return answer === 1
}
