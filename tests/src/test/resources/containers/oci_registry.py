"""A read-only container registry for tests: serves one OCI image layout directory over HTTP.

    python3 oci_registry.py LAYOUT_DIR PORT REPOSITORY TAG

GET/HEAD /v2/, /v2/REPOSITORY/manifests/(TAG|DIGEST), /v2/REPOSITORY/blobs/DIGEST. Enough for
`podman pull` / `docker pull` of that one image (the engine must treat localhost:PORT as an
insecure registry). Blobs are sent in small chunks with a short pause so pulls show progress.
"""

import http.server
import json
import os
import sys
import time

LAYOUT, PORT, REPOSITORY, TAG = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


def blob_path(digest):
    algorithm, hexdigest = digest.split(":", 1)
    return os.path.join(LAYOUT, "blobs", algorithm, hexdigest)


with open(os.path.join(LAYOUT, "index.json")) as handle:
    MANIFEST = json.load(handle)["manifests"][0]


class Registry(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body):
        path = self.path.split("?", 1)[0]
        prefix = "/v2/%s/" % REPOSITORY
        if path in ("/v2/", "/v2"):
            return self.send(200, b"{}", "application/json", send_body)
        if path.startswith(prefix + "manifests/"):
            reference = path[len(prefix + "manifests/"):]
            if reference not in (TAG, MANIFEST["digest"]):
                return self.send(404, b'{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', "application/json", send_body)
            with open(blob_path(MANIFEST["digest"]), "rb") as handle:
                body = handle.read()
            return self.send(200, body, MANIFEST["mediaType"], send_body, MANIFEST["digest"])
        if path.startswith(prefix + "blobs/"):
            digest = path[len(prefix + "blobs/"):]
            if not os.path.exists(blob_path(digest)):
                return self.send(404, b'{"errors":[{"code":"BLOB_UNKNOWN"}]}', "application/json", send_body)
            with open(blob_path(digest), "rb") as handle:
                body = handle.read()
            return self.send(200, body, "application/octet-stream", send_body, digest, slow=True)
        self.send(404, b"{}", "application/json", send_body)

    def send(self, status, body, content_type, send_body, digest=None, slow=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Docker-Distribution-API-Version", "registry/2.0")
        if digest:
            self.send_header("Docker-Content-Digest", digest)
        self.end_headers()
        if not send_body:
            return
        if not slow:
            self.wfile.write(body)
            return
        chunk = max(1, len(body) // 20)
        for start in range(0, len(body), chunk):
            self.wfile.write(body[start:start + chunk])
            self.wfile.flush()
            time.sleep(0.05)


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Registry)
    print("serving %s:%s on %d" % (REPOSITORY, TAG, PORT), flush=True)
    server.serve_forever()
