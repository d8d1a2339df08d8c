#!/usr/bin/env python3
"""A read-only OCI registry on loopback that serves one stand-in base image, for deploy/check.sh.

The SDK's container build pulls its base image (mcr.microsoft.com/dotnet/aspnet) from a registry, which this
sandbox and its CI cannot reach. The stand-in has the same shape (linux/amd64, one layer holding an empty /app
folder) but no .NET runtime: an image built on it shows that our project's container build works and what it
puts in the image, not that the image runs. Usage: standin-registry.py PORT (serves localhost:PORT/aspnet-standin:10.0).
"""
import gzip, hashlib, http.server, io, json, sys, tarfile

def layer():
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        folder = tarfile.TarInfo("app")
        folder.type, folder.mode, folder.mtime = tarfile.DIRTYPE, 0o755, 0
        tar.addfile(folder)
    tar_bytes = raw.getvalue()
    return gzip.compress(tar_bytes, mtime=0), "sha256:" + hashlib.sha256(tar_bytes).hexdigest()

def digest(data): return "sha256:" + hashlib.sha256(data).hexdigest()

LAYER, DIFF_ID = layer()
CONFIG = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "WorkingDir": "/"},
    "rootfs": {"type": "layers", "diff_ids": [DIFF_ID]},
}).encode()
MANIFEST = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": digest(CONFIG), "size": len(CONFIG)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest(LAYER), "size": len(LAYER)}],
}).encode()
BLOBS = {digest(CONFIG): CONFIG, digest(LAYER): LAYER}

class Registry(http.server.BaseHTTPRequestHandler):
    def answer(self, body, media_type, send_body):
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Docker-Content-Digest", digest(body))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def route(self, send_body):
        path = self.path.split("?")[0]
        if path in ("/v2", "/v2/"):
            return self.answer(b"{}", "application/json", send_body)
        if path.startswith("/v2/aspnet-standin/manifests/"):
            return self.answer(MANIFEST, "application/vnd.oci.image.manifest.v1+json", send_body)
        if path.startswith("/v2/aspnet-standin/blobs/") and path.rsplit("/", 1)[1] in BLOBS:
            return self.answer(BLOBS[path.rsplit("/", 1)[1]], "application/octet-stream", send_body)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self): self.route(True)
    def do_HEAD(self): self.route(False)
    def log_message(self, *args): pass

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Registry).serve_forever()
