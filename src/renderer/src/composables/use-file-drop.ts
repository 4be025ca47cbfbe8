import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * Files dropped anywhere on the window go to one drop zone: the one on the screen that is
 * showing (hidden tabs keep theirs mounted but invisible). The newest visible zone wins.
 */
interface Zone {
  element: Ref<HTMLElement | null>
  dragging: Ref<boolean>
  receive(files: File[]): void
}

const zones: Zone[] = []
let depth = 0

const visible = (z: Zone): boolean => z.element.value?.checkVisibility() ?? false
const target = (): Zone | undefined => zones.filter(visible).at(-1)
const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false

function show(on: boolean): void {
  const t = on ? target() : undefined
  for (const z of zones) z.dragging.value = z === t
}
function onDragEnter(e: DragEvent): void {
  if (!carriesFiles(e)) return
  depth++
  show(true)
}
function onDragLeave(): void {
  depth = Math.max(0, depth - 1)
  if (depth === 0) show(false)
}
function onDragOver(e: DragEvent): void {
  if (carriesFiles(e)) e.preventDefault()
}
function onDrop(e: DragEvent): void {
  e.preventDefault()
  depth = 0
  show(false)
  const files = [...(e.dataTransfer?.files ?? [])]
  if (files.length) target()?.receive(files)
}
const listeners = {
  dragenter: onDragEnter,
  dragleave: onDragLeave,
  dragover: onDragOver,
  drop: onDrop,
}

function listen(on: boolean): void {
  for (const [type, fn] of Object.entries(listeners)) {
    if (on) window.addEventListener(type, fn as EventListener)
    else window.removeEventListener(type, fn as EventListener)
  }
}

/** Registers a drop zone while its component is mounted; `dragging` drives its overlay. */
export function useFileDrop(
  element: Ref<HTMLElement | null>,
  receive: (files: File[]) => void,
): { dragging: Ref<boolean> } {
  const zone: Zone = { element, dragging: ref(false), receive }
  onMounted(() => {
    if (!zones.length) listen(true)
    zones.push(zone)
  })
  onBeforeUnmount(() => {
    zones.splice(zones.indexOf(zone), 1)
    if (!zones.length) listen(false)
  })
  return { dragging: zone.dragging }
}
