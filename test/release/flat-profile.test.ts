/**
 * `BENCH_ATTRIBUTE` (bench/instructions.ts) names callgrind's bare JIT addresses from V8's
 * `--perf-basic-prof` map. A wrong name would send a reader after the wrong function, so the
 * naming rules are pinned here on a made-up profile and map.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { attributedProfile, COMPILER_FUNCTION } from '../../bench/instructions/flat-profile.js'

const dir = mkdtempSync(join(tmpdir(), 'flat-profile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function perfMap(lines: string[]): string {
  const file = join(dir, `perf-${lines.length}-${Math.random().toString(16).slice(2)}.map`)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

describe('attributedProfile', () => {
  it('names a JIT address by the map range that holds it, tier marks dropped, so optimized and baseline code add up', () => {
    const map = perfMap(['1000 100 JS:*renderOrThrow file:///app/dist/index.js:10:1', '2000 80 JS:^renderOrThrow file:///app/dist/index.js:10:1', '3000 10 RegExp:^a$'])
    const profile = attributedProfile(
      [
        { name: '???:0x0000000000001000 [???]', instructions: 5 },
        { name: '???:0x00000000000010ff [???]', instructions: 7 },
        { name: '???:0x0000000000002010 [???]', instructions: 11 },
        { name: '???:0x0000000000003009 [???]', instructions: 13 },
      ],
      map,
    )
    expect(Object.fromEntries(profile)).toEqual({ 'JS:renderOrThrow file:///app/dist/index.js:10:1': 23, 'RegExp:^a$': 13 })
  })

  it('an address just past a range, or in none, is JIT code without a name', () => {
    const map = perfMap(['1000 100 JS:*a file:///x.js:1:1'])
    const profile = attributedProfile(
      [
        { name: '???:0x0000000000001100 [???]', instructions: 3 },
        { name: '???:0x0000000000000fff [???]', instructions: 4 },
      ],
      map,
    )
    expect(Object.fromEntries(profile)).toEqual({ '(JIT code without a name)': 7 })
  })

  it('code V8 wrote later over collected code wins: the last range of the map that holds the address', () => {
    const map = perfMap(['1000 200 JS:*collected file:///old.js:1:1', '1080 40 JS:*current file:///new.js:2:1'])
    const profile = attributedProfile([{ name: '???:0x0000000000001090 [???]', instructions: 9 }], map)
    expect(Object.fromEntries(profile)).toEqual({ 'JS:current file:///new.js:2:1': 9 })
  })

  it("node's own functions keep their names, without argument lists or the binary's path", () => {
    const map = perfMap([])
    const profile = attributedProfile(
      [
        { name: '???:Builtins_LoadIC [/usr/bin/node]', instructions: 2 },
        { name: '???:v8::internal::Heap::OnMoveEvent(v8::internal::HeapObject, int) [/usr/bin/node]', instructions: 3 },
        { name: '???:v8::internal::Heap::OnMoveEvent(v8::internal::HeapObject, int) const [/usr/bin/node]', instructions: 4 },
      ],
      map,
    )
    expect(Object.fromEntries(profile)).toEqual({ Builtins_LoadIC: 2, 'v8::internal::Heap::OnMoveEvent': 7 })
  })

  it("tells V8's compilers from the rest by name", () => {
    expect(COMPILER_FUNCTION.test('v8::internal::compiler::GraphReducer::ReduceTop')).toBe(true)
    expect(COMPILER_FUNCTION.test('v8::internal::maglev::MaglevGraphBuilder::Build')).toBe(true)
    expect(COMPILER_FUNCTION.test('Builtins_LoadIC')).toBe(false)
    expect(COMPILER_FUNCTION.test('v8::internal::Scavenger::Process')).toBe(false)
  })
})
