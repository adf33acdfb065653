// A static file server standing in for a static host (GitHub Pages and the
// like): files only, no server logic, 404.html for unknown paths, compressed
// responses, on 127.0.0.1. Tests stop it (to prove the app runs with no
// server) and point it at another build (to deploy an update).
//
// Also runnable by hand: node tests/e2e/serve.mjs [dist] [base] [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".webmanifest", ".json", ".svg", ".txt"]);

/**
 * Serves `root` under `base` (e.g. "/" or "/rehab/") on 127.0.0.1.
 * Returns { origin, url, port, log, setRoot(dir), stop(), start() }.
 */
export async function serve({ root, base = "/", port = 0 }) {
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`base must start and end with /: ${base}`);
  let dir = resolve(root);
  const sockets = new Set();
  const compressed = new Map();
  const log = [];

  const server = createServer(async (req, res) => {
    try {
      const { status, body, headers } = await respond(req);
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function respond(req) {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    log.push(path);
    if (req.method !== "GET" && req.method !== "HEAD") return text(405, "method not allowed");
    let file = path.startsWith(base) ? await find(path.slice(base.length)) : null;
    let status = 200;
    if (!file) {
      // As static hosts do: the site's 404.html, with a 404 status.
      file = await find("404.html");
      status = 404;
      if (!file) return text(404, "not found");
    }
    const ext = extname(file);
    const headers = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      // What GitHub Pages sends for every file.
      "cache-control": "max-age=600",
      vary: "accept-encoding",
    };
    let body = await readFile(file);
    const encoding = pickEncoding(req.headers["accept-encoding"] ?? "");
    if (COMPRESSIBLE.has(ext) && encoding) {
      body = await compress(file, body, encoding);
      headers["content-encoding"] = encoding;
    }
    headers["content-length"] = body.length;
    return { status, body, headers };
  }

  async function find(relative) {
    const target = normalize(join(dir, relative === "" || relative.endsWith("/") ? relative + "index.html" : relative));
    if (target !== dir && !target.startsWith(dir + sep)) return null;
    const info = await stat(target).catch(() => null);
    if (info?.isFile()) return target;
    if (info?.isDirectory()) return find(relative + "/");
    return null;
  }

  async function compress(file, body, encoding) {
    const info = await stat(file);
    const key = `${file}:${info.mtimeMs}:${info.size}:${encoding}`;
    if (!compressed.has(key)) {
      compressed.set(
        key,
        encoding === "br"
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 }),
      );
    }
    return compressed.get(key);
  }

  function text(status, message) {
    return { status, body: Buffer.from(message), headers: { "content-type": "text/plain" } };
  }

  async function listen(wanted) {
    await new Promise((done, failed) => {
      server.once("error", failed);
      server.listen(wanted, "127.0.0.1", () => {
        server.off("error", failed);
        done();
      });
    });
    return server.address().port;
  }

  const actualPort = await listen(port);
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    url: origin + base,
    port: actualPort,
    log,
    /** Deploys another build in place, as a static host does. */
    setRoot(next) {
      dir = resolve(next);
    },
    /** Stops answering at all, dropping open keep-alive connections. */
    async stop() {
      const closed = new Promise((done) => server.close(done));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    /** Starts again on the same port. */
    async start() {
      await listen(actualPort);
    },
  };
}

function pickEncoding(accept) {
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "dist", base = "/", port = "8081"] = process.argv.slice(2);
  const server = await serve({ root, base, port: Number(port) });
  console.log(`Serving ${root} at ${server.url}`);
}
