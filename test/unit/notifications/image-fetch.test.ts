import { describe, expect, it } from 'vitest'
import { fetchImage, isPublicAddress } from '../../../src/main/services/notifications/image-fetch'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47])

function fakeFetch(routes: Record<string, () => Response>) {
  const asked: string[] = []
  const f = (async (input: string | URL) => {
    const url = String(input)
    asked.push(url)
    const route = routes[url]
    return route ? route() : new Response('no', { status: 404 })
  }) as typeof fetch
  return { f, asked }
}

const publicDns = async () => ['93.184.216.34']

describe('preview images fetched by main', () => {
  it('tells public addresses from local ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.1',
      '172.16.5.5',
      '169.254.1.1',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPublicAddress(ip), ip).toBe(false)
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111'])
      expect(isPublicAddress(ip), ip).toBe(true)
  })

  it('an https raster image from a public host becomes a data: URL', async () => {
    const { f } = fakeFetch({
      'https://cdn.example.com/a.png': () =>
        new Response(PNG, { headers: { 'content-type': 'image/png' } }),
    })
    expect(
      await fetchImage('https://cdn.example.com/a.png', { fetch: f, resolve: publicDns }),
    ).toBe('data:image/png;base64,iVBORw==')
  })

  it('refuses http, local hosts, private DNS answers, SVG, HTML and a redirect to the local network', async () => {
    const { f, asked } = fakeFetch({
      'https://cdn.example.com/a.svg': () =>
        new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } }),
      'https://cdn.example.com/page': () =>
        new Response('<html>', { headers: { 'content-type': 'text/html' } }),
      'https://cdn.example.com/hop': () =>
        new Response(null, { status: 302, headers: { location: 'https://127.0.0.1/admin.png' } }),
    })
    const opts = { fetch: f, resolve: publicDns }
    expect(await fetchImage('http://cdn.example.com/a.png', opts)).toBeNull()
    expect(await fetchImage('https://localhost/a.png', opts)).toBeNull()
    expect(await fetchImage('https://192.168.1.1/a.png', opts)).toBeNull()
    expect(
      await fetchImage('https://intranet.example.com/a.png', {
        fetch: f,
        resolve: async () => ['10.0.0.5'],
      }),
    ).toBeNull()
    expect(await fetchImage('https://cdn.example.com/a.svg', opts)).toBeNull()
    expect(await fetchImage('https://cdn.example.com/page', opts)).toBeNull()
    expect(await fetchImage('https://cdn.example.com/hop', opts)).toBeNull()
    expect(asked).toEqual([
      'https://cdn.example.com/a.svg',
      'https://cdn.example.com/page',
      'https://cdn.example.com/hop',
    ])
  })

  it('refuses an image over 2 MB, declared or not', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1)
    const { f } = fakeFetch({
      'https://cdn.example.com/big.jpg': () =>
        new Response(big, { headers: { 'content-type': 'image/jpeg' } }),
    })
    expect(
      await fetchImage('https://cdn.example.com/big.jpg', { fetch: f, resolve: publicDns }),
    ).toBeNull()
  })
})
