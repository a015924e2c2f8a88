package dev.pymastery.kernel.runtime.graalpy;

import dev.pymastery.kernel.cell.CellOutput;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The guest's stdout or stderr: decodes UTF-8 (keeping a character split across writes whole) and
 * hands the text to the output of the cell that is current when it is written, so prints from
 * threads reach the front end too.
 */
final class GuestStream extends OutputStream {
    private final String name;
    private final Supplier<CellOutput> target;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    GuestStream(String name, Supplier<CellOutput> target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (pending.hasRemaining()) {
            in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(bytes, offset, length).flip();
        } else {
            in = ByteBuffer.wrap(bytes, offset, length);
        }
        CharBuffer out = CharBuffer.allocate(length + 4);
        decoder.decode(in, out, false);
        pending =
                in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
        out.flip();
        if (out.hasRemaining()) {
            CellOutput output = target.get();
            if (output != null) {
                output.stream(name, out.toString());
            }
        }
    }
}
