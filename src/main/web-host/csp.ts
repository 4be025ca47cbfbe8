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

/**
 * The console needs no powerful browser feature; denying them all means a page that
 * somehow runs in our origin cannot ask the marketer for the camera, location and so on.
 */
const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'camera',
  'clipboard-read',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/**
 * Sent with every answer either host gives, errors included: an error page is still a
 * page of our origin and must not be framed, sniffed or leak where it came from.
 */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Permissions-Policy': permissionsPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
} as const
