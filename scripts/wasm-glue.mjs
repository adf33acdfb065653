// Rewrites of the release wasm and its JS glue, made together so the two
// always agree (see scripts/minify.mjs, which runs them).
//
// dropExports: Leptos always links server_fn, which exports wasm-streams'
// JS stream classes (IntoUnderlyingSource and the like) whether or not an
// app has server functions. This app has none, so those exports, the code
// only they reach and their classes in the glue go: about 10 KB raw.
//
// shortenImports: wasm-bindgen names each import after the Web API it calls plus a 16-digit
// hash (`__wbg_set_innerHTML_a9d3a267967b5117`). The names are written twice,
// in the wasm's import section and as keys of the glue's import object, and
// the hashes do not compress: about 2 KB (brotli) in each file. Only these
// two places use them, so renaming both to `a`, `b`, … changes nothing else.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Drop the exports whose names match `pattern` and what only they use:
 * wasm-opt removes the unreachable code, then the glue loses the classes
 * that wrapped them and the import functions the wasm no longer imports.
 */
export function dropExports(wasm, js, pattern) {
  const bytes = new Uint8Array(wasm);
  const dropped = [];
  const out = rewriteSection(bytes, 7, (body) => {
    let [count, at] = leb(body, 0);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = at;
      let name;
      [name, at] = str(body, at);
      at = leb(body, at + 1)[1];
      if (pattern.test(name)) dropped.push(name);
      else kept.push(body.subarray(start, at));
    }
    return Buffer.concat([encode(kept.length), ...kept]);
  });
  if (dropped.length === 0) throw new Error(`no export matches ${pattern}`);
  const optimised = wasmOpt(out);

  let text = js;
  // `export class Name { … }` and its Symbol.dispose line, then the
  // class's FinalizationRegistry.
  const classes = new Set();
  text = text.replace(/^export class (\w+) \{\n[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) \1\.prototype.*\n)?/gm, (whole, name) => {
    if (!pattern.test(name)) return whole;
    classes.add(name);
    return "";
  });
  text = text.replace(/^const (\w+)Finalization = [\s\S]*?;\n/gm, (whole, name) => (classes.has(name) ? "" : whole));
  for (const name of classes) {
    if (new RegExp(`\\b${name}\\b`).test(text)) throw new Error(`the glue still uses ${name}`);
  }
  // Import functions the wasm no longer imports: `name: function(…) {`
  // up to the entry's closing `},` at the same indent.
  const imported = new Set(importNames(optimised));
  text = text.replace(/^( {8})(__wbg\w+|__wbindgen\w+): function\([^)]*\) \{\n[\s\S]*?^\1\},?\n/gm, (whole, _, name) =>
    imported.has(name) ? whole : "",
  );
  return { wasm: optimised, js: text, dropped };
}

function wasmOpt(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "wasm-glue-"));
  try {
    writeFileSync(join(dir, "in.wasm"), bytes);
    // The features come from the module's own target_features section.
    // Flattening and re-looping the control flow between -Oz rounds finds
    // about 1 KB (brotli) more than -Oz alone; a third round adds nothing.
    // --low-memory-unused lets a constant added to an address become the
    // load's or store's offset field (-1.2 KB). The two differ only when the
    // address wraps past 4 GiB into the first KiB, where Rust never points:
    // its stack fills memory from 1 MiB downwards and its data sits above.
    const passes = ["--low-memory-unused", "-Oz", "--flatten", "--rereloop", "-Oz", "--flatten", "--rereloop", "-Oz"];
    const run = spawnSync("wasm-opt", [...passes, join(dir, "in.wasm"), "-o", join(dir, "out.wasm")], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`wasm-opt failed: ${run.stderr || run.error}`);
    return readFileSync(join(dir, "out.wasm"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names the wasm imports, in order. */
export function importNames(bytes) {
  const names = [];
  rewriteSection(new Uint8Array(bytes), 2, (body) => {
    let [count, at] = leb(body, 0);
    for (let i = 0; i < count; i++) {
      let name;
      [, at] = str(body, at);
      [name, at] = str(body, at);
      at = skipDesc(body, at);
      names.push(name);
    }
    return body;
  });
  return names;
}

/** The names the wasm exports, in order. */
export function exportNames(bytes) {
  const names = [];
  rewriteSection(new Uint8Array(bytes), 7, (body) => {
    let [count, at] = leb(body, 0);
    for (let i = 0; i < count; i++) {
      let name;
      [name, at] = str(body, at);
      at = leb(body, at + 1)[1];
      names.push(name);
    }
    return body;
  });
  return names;
}

/**
 * Short names for the exports the glue calls (`wasm.name`): some are long
 * closure names with crate hashes, written in both files. Custom sections
 * (producers, target features) go too: the browser ignores them.
 */
export function shortenExports(wasm, js) {
  let text = js;
  let n = 0;
  const renamed = rewriteSection(new Uint8Array(wasm), 7, (body) => {
    let [count, at] = leb(body, 0);
    const parts = [encode(count)];
    for (let i = 0; i < count; i++) {
      let name;
      [name, at] = str(body, at);
      const descStart = at;
      at = leb(body, at + 1)[1];
      const use = new RegExp(`\\bwasm\\.${name}\\b`, "g");
      let short = name;
      if (name !== "memory" && use.test(text)) {
        short = `_${shortName(n++)}`;
        text = text.replace(use, `wasm.${short}`);
      }
      parts.push(strBytes(short), body.subarray(descStart, at));
    }
    return Buffer.concat(parts);
  });
  const bytes = new Uint8Array(renamed);
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    if (bytes[at] !== 0) out.push(bytes.subarray(at, body + size));
    at = body + size;
  }
  return { wasm: Buffer.concat(out), js: text, count: n };
}

/** `bytes` with section `id`'s body replaced by `rewrite(body)`. */
function rewriteSection(bytes, id, rewrite) {
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (bytes[at] === id) {
      out.push(Uint8Array.of(id), ...section(rewrite(bytes.subarray(body, end))));
    } else {
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(out);
}

/** Rename every import of the glue's module; returns the new wasm and JS. */
export function shortenImports(wasm, js) {
  const renamed = new Map();
  const out = rewriteSection(new Uint8Array(wasm), 2, (body) => importSection(body, renamed));
  let text = js;
  for (const [from, to] of renamed) {
    // Each name is one key of the import object, written `name: function`.
    const key = new RegExp(`\\b${from}(?=: function)`, "g");
    const count = (text.match(key) || []).length;
    if (count !== 1) throw new Error(`import ${from} appears ${count} times in the glue, not once`);
    text = text.replace(key, to);
  }
  return { wasm: out, js: text, count: renamed.size };
}

function importSection(body, renamed) {
  const parts = [];
  let [count, at] = leb(body, 0);
  parts.push(encode(count));
  for (let i = 0; i < count; i++) {
    let module, name;
    [module, at] = str(body, at);
    [name, at] = str(body, at);
    const start = at;
    at = skipDesc(body, at);
    let short = name;
    if (module.endsWith("_bg.js")) {
      short = shortName(renamed.size);
      renamed.set(name, short);
    }
    parts.push(strBytes(module), strBytes(short), body.subarray(start, at));
  }
  if (at !== body.length) throw new Error("the import section did not parse to its end");
  return Buffer.concat(parts);
}

// An import's description: function, table, memory, global or tag.
function skipDesc(b, at) {
  const kind = b[at++];
  const limits = (p) => {
    const flags = b[p++];
    [, p] = leb(b, p);
    if (flags & 1) [, p] = leb(b, p);
    return p;
  };
  switch (kind) {
    case 0:
      return leb(b, at)[1];
    case 1:
      return limits(at + 1);
    case 2:
      return limits(at);
    case 3:
      return at + 2;
    case 4:
      return leb(b, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

// a … z, A … Z, then two letters: valid JS keys, never `__proto__`.
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[n % 52] + s;
    n = Math.floor(n / 52) - 1;
  } while (n >= 0);
  return s;
}

function leb(b, at) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [result, at];
  }
}

function encode(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Uint8Array.from(out);
}

function str(b, at) {
  const [len, start] = leb(b, at);
  return [Buffer.from(b.subarray(start, start + len)).toString("utf8"), start + len];
}

function strBytes(s) {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([encode(bytes.length), bytes]);
}

function section(body) {
  return [encode(body.length), body];
}
