package org.beatbook.newsletters.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * One email part (plain text or HTML, UTF-8) quoted-printable encoded once per edition; a message only splices in
 * its recipient's links, so 100,000 messages do not mean 100,000 runs of the encoder over the whole newsletter.
 * Every piece is encoded on its own and ends with a soft line break ({@code =} CRLF, which decodes to nothing), so
 * each piece starts a fresh encoded line and the 76-character limit of RFC 2045 holds however long a link is.
 */
public final class EncodedPart {

    private static final byte[] SOFT_BREAK = {'=', '\r', '\n'};

    /** The template's fixed text between the placeholders, encoded; one more than {@link #placeholders}. */
    private final List<byte[]> fixed = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final int size;

    public EncodedPart(String template) {
        int from = 0;
        int sum = 0;
        while (true) {
            int unsubscribe = template.indexOf(MailTemplate.UNSUBSCRIBE, from);
            int preferences = template.indexOf(MailTemplate.PREFERENCES, from);
            int next = unsubscribe < 0 ? preferences : preferences < 0 ? unsubscribe : Math.min(unsubscribe, preferences);
            if (next < 0) {
                fixed.add(encode(template.substring(from), false));
                this.size = sum + fixed.get(fixed.size() - 1).length;
                return;
            }
            String placeholder = next == unsubscribe ? MailTemplate.UNSUBSCRIBE : MailTemplate.PREFERENCES;
            byte[] piece = encode(template.substring(from, next), true);
            fixed.add(piece);
            sum += piece.length;
            placeholders.add(placeholder);
            from = next + placeholder.length();
        }
    }

    /** The encoded part with the placeholders replaced (the values exactly as they are to appear, e.g. escaped for HTML). */
    public byte[] fill(String unsubscribe, String preferences) {
        Bytes out = new Bytes(size + placeholders.size() * 2 * Math.max(unsubscribe.length(), preferences.length()) + 64);
        for (int i = 0; i < placeholders.size(); i++) {
            out.write(fixed.get(i));
            out.write(encode(placeholders.get(i).equals(MailTemplate.UNSUBSCRIBE) ? unsubscribe : preferences, true));
        }
        out.write(fixed.get(placeholders.size()));
        return out.toByteArray();
    }

    private static byte[] encode(String text, boolean softBreak) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        Bytes out = new Bytes(text.length() + text.length() / 8 + 8);
        try (OutputStream encoder = MimeUtility.encode(new Unclosed(out), "quoted-printable")) {
            encoder.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException | MessagingException e) {
            throw new UncheckedIOException(new IOException("quoted-printable encoding failed", e));
        }
        if (softBreak) {
            out.write(SOFT_BREAK);
        }
        return out.toByteArray();
    }

    /** Closing the encoder flushes its last characters; the buffer under it stays usable. */
    private static final class Unclosed extends OutputStream {

        private final Bytes target;

        Unclosed(Bytes target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }
    }

    /**
     * A growing byte array without ByteArrayOutputStream's lock per byte (Jakarta Mail's encoders and writers pass
     * bytes on one at a time).
     */
    public static final class Bytes extends OutputStream {

        private byte[] buffer;
        private int size;

        public Bytes(int capacity) {
            this.buffer = new byte[Math.max(16, capacity)];
        }

        @Override
        public void write(int b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + len));
            }
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        /** Writes what was collected to {@code out} in one call. */
        public void writeTo(OutputStream out) throws IOException {
            out.write(buffer, 0, size);
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
