/**
 * The pages' one stylesheet, inline, and its `sha256-` source for the Content-Security-Policy:
 * the policy allows this exact stylesheet and nothing else (no scripts, fonts, images or
 * connections), so the pages make no request of their own. Light and dark follow the reader's
 * `prefers-color-scheme`; colours meet WCAG AA contrast in both.
 */
import { createHash } from 'node:crypto'

/** The stylesheet, exactly as it appears between `<style>` and `</style>`. */
export const STYLESHEET = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1b1f;--muted:#4a4a52;--link:#0b57d0;--code:#f1f3f4}
@media (prefers-color-scheme:dark){:root{--bg:#16171b;--fg:#ececf1;--muted:#b8bac2;--link:#8ab4f8;--code:#24262c}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
a{color:var(--link)}
h1{font-size:1.6rem;line-height:1.25;margin:.75rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
code{background:var(--code);padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
pre{background:var(--code);padding:.75rem;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
pre code{padding:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
ul{padding-left:1.25rem}
li{margin:.25rem 0}
.muted,footer{color:var(--muted)}
footer{padding-bottom:2rem;font-size:.9rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`

/** The CSP source that allows `STYLESHEET`, e.g. `'sha256-…'`. */
export const STYLESHEET_SOURCE = `'sha256-${createHash('sha256').update(STYLESHEET, 'utf8').digest('base64')}'`
