export * from './channels'
export * from './define'
export * from './events'
export * from './types'
