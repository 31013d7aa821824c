/**
 * tsup's CJS code splitting (a sucrase pass after esbuild) writes the build machine's absolute path
 * of each .cjs file into its source map (`file`, and `sources[0]` for the lines it adds). A published
 * map must not name the machine it was built on, and must read the same on every build: rewrite
 * those paths relative to the map, as esbuild writes the ESM ones.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, isAbsolute, join, relative } from 'node:path'

interface SourceMap {
  file?: string
  sources: string[]
}

export async function relativeSourceMaps(directory: string): Promise<void> {
  const maps = (await readdir(directory)).filter((file) => file.endsWith('.map'))
  await Promise.all(
    maps.map(async (file) => {
      const path = join(directory, file)
      const map = JSON.parse(await readFile(path, 'utf8')) as SourceMap
      if (map.file === undefined && !map.sources.some(isAbsolute)) return
      if (map.file !== undefined) map.file = basename(map.file)
      map.sources = map.sources.map((source) => (isAbsolute(source) ? relative(directory, source) : source))
      await writeFile(path, JSON.stringify(map))
    }),
  )
}
