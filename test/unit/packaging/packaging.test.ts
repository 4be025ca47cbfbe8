import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  appId: string
  files: string[]
  icon: string
  fileAssociations: { ext: string[] }[]
  linux: { target: string[]; icon: string }
  win: { target: string[] }
  mac: { target: string[] }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f))
}

/** The package a bare specifier names ('@fastify/formbody/x' → '@fastify/formbody'). */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return null
  if (builtinModules.includes(specifier.split('/')[0]!)) return null
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
}

/** Packages a file needs when it runs: type-only imports vanish in the build. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          named &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly))
      if (!onlyTypes) found.push(node.moduleSpecifier.text)
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('the packaged app', () => {
  it('depends at run time on exactly what main, its worker and the Demo shop import', () => {
    // electron-builder packs `dependencies` (and what they need) into app.asar; the
    // renderer is bundled by Vite and the preload by electron-vite, so their packages
    // belong in devDependencies, or the installer carries them twice (~74 MB, not ~34).
    const used = new Map<string, string>()
    for (const file of ['src/main', 'src/sandbox', 'src/shared'].flatMap(sourceFiles))
      for (const spec of runtimeImports(file)) {
        const name = packageOf(spec)
        if (name && name !== 'electron') used.set(name, relative(root, file))
      }
    expect([...used.keys()].sort()).toEqual(Object.keys(pkg.dependencies).sort())
    // Electron itself is the runtime, never a packed dependency.
    expect(pkg.devDependencies).toHaveProperty('electron')
    for (const rendererOnly of ['vue', 'primevue', 'chart.js', 'vue-i18n', 'pinia'])
      expect(pkg.dependencies).not.toHaveProperty(rendererOnly)
  })

  it('packs only the built app, installs on three systems and opens .csv files', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json'])
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z-]+){2,}$/)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.fileAssociations.flatMap((a) => a.ext)).toContain('csv')
  })

  it('has an icon set drawn from one source, at the sizes each system asks for', () => {
    const size = (file: string): [number, number] => {
      const png = readFileSync(join(root, file))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      return [png.readUInt32BE(16), png.readUInt32BE(20)]
    }
    // electron-builder makes .icns and .ico from a 1024 px master.
    expect(size(config.icon)).toEqual([1024, 1024])
    for (const n of [16, 32, 48, 64, 128, 256, 512])
      expect(size(`${config.linux.icon}/${n}x${n}.png`)).toEqual([n, n])
  })
})
