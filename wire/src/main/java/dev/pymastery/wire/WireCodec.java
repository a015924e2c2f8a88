package dev.pymastery.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns ZeroMQ multipart frames into {@link Message}s and back, as the Jupyter wire protocol lays
 * them out: identities, {@code <IDS|MSG>}, signature, header, parent header, metadata, content,
 * buffers. A signed message is accepted once: a signature seen before (among the last {@link
 * SeenSignatures#CAPACITY}) is a replay and is rejected, as jupyter_client's Session does. Not
 * thread-safe (it holds the {@link Signer} and the signatures seen).
 */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json;
    private final Signer signer;
    private final SeenSignatures seen = new SeenSignatures(SeenSignatures.CAPACITY);

    public WireCodec(ObjectMapper json, Signer signer) {
        this.json = json;
        this.signer = signer;
    }

    public Message decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new MalformedMessageException("frames", "no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new MalformedMessageException(
                    "frames", "expected at least 5 frames after the delimiter, got " + (frames.size() - delimiter - 1));
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new MalformedMessageException(
                    "signature", "signature does not match (is the key in the connection file right?)");
        }
        if (signature.length > 0 && !seen.add(signature)) {
            throw new MalformedMessageException(
                    "replay", "a message with this signature was received before (a replay); not run again");
        }
        ObjectNode headerNode = object(header, "header");
        if (!headerNode.path("msg_type").isString()) {
            throw new MalformedMessageException("header", "header has no msg_type");
        }
        return new Message(
                frames.subList(0, delimiter),
                headerNode,
                object(parent, "parent_header"),
                object(metadata, "metadata"),
                object(content, "content"),
                frames.subList(delimiter + 6, frames.size()));
    }

    public List<byte[]> encode(Message message) {
        byte[] header = bytes(message.header());
        byte[] parent = bytes(message.parentHeader());
        byte[] metadata = bytes(message.metadata());
        byte[] content = bytes(message.content());
        List<byte[]> frames = new ArrayList<>(
                message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        frames.addAll(message.buffers());
        return frames;
    }

    private ObjectNode object(byte[] frame, String what) {
        String text;
        try {
            // UTF-8 as the protocol says; Jackson alone would read a frame with a BOM as UTF-16.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(frame))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedMessageException("json", what + " is not UTF-8 text");
        }
        try {
            JsonNode node = json.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new MalformedMessageException("json", what + " is not a JSON object");
        } catch (JacksonException e) {
            throw new MalformedMessageException("json", what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private byte[] bytes(ObjectNode node) {
        return json.writeValueAsBytes(node);
    }
}
