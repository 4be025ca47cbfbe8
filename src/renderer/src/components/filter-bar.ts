/** What a FilterBar shows: its selects and search boxes, described as data. */
export type FilterValue = string | null
export interface FilterOption {
  value: FilterValue
  label: string
}
export interface FilterField {
  key: string
  /** The control's accessible name (and a search box's placeholder). */
  label: string
  /** A select when given (null = everything, shown as `allLabel`); a search box otherwise. */
  options?: FilterOption[]
  allLabel?: string
  testid?: string
  /** A search box that takes the free width. */
  wide?: boolean
}
