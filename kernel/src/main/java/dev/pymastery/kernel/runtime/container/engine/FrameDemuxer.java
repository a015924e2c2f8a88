package dev.pymastery.kernel.runtime.container.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The stdout of an attach stream without a TTY: the engine frames each write with an 8-byte
 * header (stream type: 1 stdout, 2 stderr; three zero bytes; big-endian payload length). Reads
 * give the stdout payloads; stderr payloads go to {@code stderr}.
 */
final class FrameDemuxer extends InputStream {
    private final InputStream in;
    private final BoundedText stderr;
    private final byte[] header = new byte[8];
    private int left;

    FrameDemuxer(InputStream in, BoundedText stderr) {
        this.in = in;
        this.stderr = stderr;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (left == 0) {
            if (!nextHeader()) {
                return -1;
            }
            int type = header[0];
            int size = ((header[4] & 0xff) << 24)
                    | ((header[5] & 0xff) << 16)
                    | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            if (type == 1) {
                left = size;
            } else {
                byte[] payload = in.readNBytes(size);
                if (payload.length < size) {
                    return -1;
                }
                if (type == 2) {
                    stderr.append(payload);
                }
            }
        }
        int n = in.read(buffer, offset, Math.min(length, left));
        if (n < 0) {
            return -1;
        }
        left -= n;
        return n;
    }

    private boolean nextHeader() throws IOException {
        int read = in.readNBytes(header, 0, 8);
        if (read == 0) {
            return false;
        }
        if (read < 8) {
            throw new EOFException("the attach stream ended inside a frame header");
        }
        return true;
    }
}
