/**
 * Turns a message body (HTML written by whoever made the template, so hostile until shown
 * otherwise) into the `srcdoc` of a preview frame. The frame itself is the wall: it is
 * sandboxed without scripts, same-origin or forms, and the document carries a
 * `default-src 'none'` CSP. This pass is the second layer and makes the preview honest:
 * scripts, handlers, frames, forms, refreshes and remote fetches are taken out, links
 * become inert text (listed beside the frame, opened only after confirmation), and images
 * appear only as data: URLs main fetched once the marketer chose "load images".
 */

export interface MessageDocument {
  srcdoc: string
  /** Distinct web links of the body (http/https), in order of appearance. */
  links: string[]
  /** Distinct https image URLs of the body, for main to fetch when images are on. */
  images: string[]
  /** Images not shown (off, refused, not https, or not yet loaded). */
  blockedImages: number
}

/** Elements removed with everything inside them. */
const DROP = [
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'portal',
  'audio',
  'video',
  'source',
  'track',
  'picture > source',
  'svg image',
  'svg use',
  'svg feImage',
  'svg script',
  'svg a',
  'math',
]

/** Attributes that fetch, navigate or submit. */
const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'href',
  'xlink:href',
  'action',
  'formaction',
  'background',
  'poster',
  'ping',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'cite',
  'data',
  'codebase',
  'manifest',
]

const CSS_URL = /url\s*\(\s*(['"]?)[^)]*\1\s*\)/gi
const CSS_IMPORT = /@import[^;]*;?/gi

function cssWithoutFetches(css: string): string {
  return css
    .replace(CSS_IMPORT, '')
    .replace(CSS_URL, 'none')
    .replace(/expression\s*\(/gi, '(')
}

function webUrl(raw: string | null): URL | null {
  if (!raw) return null
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}

export function frameCsp(imagesOn: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    imagesOn ? 'img-src data:' : "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ')
}

const FRAME_STYLE = [
  'body{margin:12px;font:14px/1.5 system-ui,sans-serif;color:#1f2937;background:#fff;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  '.pc-link{color:#1d4ed8;text-decoration:underline}',
  '.pc-img{display:inline-block;padding:2px 6px;border:1px dashed #9ca3af;color:#4b5563;font-size:12px}',
].join('')

/**
 * `images`: data: URLs by original URL (main's answer), or null while images are off.
 * Uses the page's DOMParser, which builds an inert document: nothing in it runs or loads.
 */
export function messageDocument(
  body: string,
  images: Readonly<Record<string, string | null>> | null,
  imageLabel = 'image',
): MessageDocument {
  const doc = new DOMParser().parseFromString(body, 'text/html')
  const root = doc.body
  for (const el of Array.from(doc.querySelectorAll(DROP.join(',')))) el.remove()
  // Forms keep their text, lose their power to submit (the frame refuses forms anyway).
  for (const form of Array.from(root.querySelectorAll('form'))) {
    const div = doc.createElement('div')
    div.append(...Array.from(form.childNodes))
    form.replaceWith(div)
  }
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    style.textContent = cssWithoutFetches(style.textContent ?? '')
  }

  const links: string[] = []
  const wanted: string[] = []
  let blocked = 0
  for (const el of Array.from(root.querySelectorAll('*'))) {
    let href: string | null = null
    let src: string | null = null
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on') || name === 'srcdoc' || name === 'http-equiv') {
        el.removeAttribute(attr.name)
      } else if (name === 'style') {
        el.setAttribute('style', cssWithoutFetches(attr.value))
      } else if (URL_ATTRIBUTES.includes(name)) {
        if (name === 'href') href = attr.value
        if (name === 'src') src = attr.value
        el.removeAttribute(attr.name)
      }
    }
    const tag = el.tagName.toLowerCase()
    if ((tag === 'a' || tag === 'area') && href !== null) {
      const url = webUrl(href)
      // A link is shown as text; where it goes is in its title and in the list beside.
      el.setAttribute('class', 'pc-link')
      if (url) {
        el.setAttribute('title', url.href)
        if (!links.includes(url.href)) links.push(url.href)
      }
    }
    if (tag === 'img' || (tag === 'input' && src !== null)) {
      const url = webUrl(src)
      const https = url?.protocol === 'https:' ? url.href : null
      if (https && !wanted.includes(https)) wanted.push(https)
      const data = https && images ? images[https] : null
      if (data && data.startsWith('data:image/')) {
        el.setAttribute('src', data)
      } else {
        blocked += 1
        const alt = el.getAttribute('alt')
        const note = doc.createElement('span')
        note.className = 'pc-img'
        note.textContent = alt ? `[${imageLabel}: ${alt}]` : `[${imageLabel}]`
        el.replaceWith(note)
      }
    }
  }

  const csp = frameCsp(images !== null)
  const srcdoc =
    '<!doctype html><html><head>' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    '<meta charset="utf-8">' +
    `<style>${FRAME_STYLE}</style>` +
    Array.from(doc.head.querySelectorAll('style'))
      .map((s) => s.outerHTML)
      .join('') +
    `</head><body>${root.innerHTML}</body></html>`
  return { srcdoc, links, images: wanted, blockedImages: blocked }
}
