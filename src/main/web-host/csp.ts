/**
 * The console's Content Security Policy, shared by both hosts. Scripts only from our own
 * origin; the API is called from main, so the renderer connects only to itself (the
 * browser host's WebSocket is same-origin, which `'self'` covers in CSP 3). Styles allow
 * inline because PrimeVue's styled theme injects <style> elements at run time.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ')
