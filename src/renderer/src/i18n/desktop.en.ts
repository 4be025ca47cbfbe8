/**
 * Words of the desktop app's own pieces, which main shows (native menu, right-click menu,
 * quit question, OS notifications). desktop.ru.ts has exactly the same keys.
 */
export const desktopEn = {
  menu: {
    file: 'File',
    openDataFolder: 'Open data folder',
    openLogsFolder: 'Open logs folder',
    checkConnection: 'Check connection',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    go: 'Go',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer tools',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    apiDocs: 'PersonaClick API documentation',
  },
  quit: {
    title: 'A job is still running',
    message: '{jobs} still running.',
    detail:
      'If you quit now, it stops where it is. The next time you open the console it waits for you to resume it, and nothing is sent twice.',
    quitAnyway: 'Quit anyway',
    keepWorking: 'Keep working',
  },
  saved: {
    title: 'Saved {name}',
    showInFolder: 'Click to show it in its folder.',
  },
  jobs: {
    import: 'Audience import of {name}',
    bulkSend: 'Bulk send from {name}',
    segments: 'Segment change from {name}',
    promo: 'Promo-code upload to {name}',
    finished: 'Finished',
    stopped: 'Stopped: open the console to see why',
  },
}
