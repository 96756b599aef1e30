package org.beatbook.support;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An SMTP server on loopback whose answers a test scripts per recipient, because GreenMail (2.1.13) accepts every
 * recipient and every message. It speaks the part of RFC 5321 Jakarta Mail uses (greeting, EHLO/HELO, MAIL FROM,
 * RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT) and answers, per address:
 * {@code 550 5.1.1} at RCPT TO ({@link #rejectRecipient}) or at the end of DATA ({@link #rejectAfterData}), or
 * {@code 451 4.3.0} at RCPT TO the first n times ({@link #deferRecipient}); everything else is accepted and kept.
 * <p>
 * As a JUnit extension ({@code @RegisterExtension static ScriptedSmtpServer smtp = ScriptedSmtpServer.on(TestMail.PORT)})
 * it takes GreenMail's port for one test class, so the shared Spring test contexts send to it unchanged.
 */
public final class ScriptedSmtpServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String REJECTED = "550 5.1.1 mailbox unavailable";
    public static final String DEFERRED = "451 4.3.0 try again later";

    private static final Pattern PATH = Pattern.compile("^(?:MAIL FROM|RCPT TO):\\s*<([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** A message the server accepted: the envelope and the data as received (dot-unstuffed, CRLF line ends). */
    public record Received(String from, List<String> recipients, byte[] data) {

        public MimeMessage message() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
            }
            catch (MessagingException e) {
                throw new IllegalStateException("Not a message: " + e.getMessage(), e);
            }
        }
    }

    private final int requestedPort;
    private final boolean keep;
    private final Set<String> rejectAtRcpt = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectAtData = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> deferrals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rcptCounts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    private ScriptedSmtpServer(int port, boolean keep) {
        this.requestedPort = port;
        this.keep = keep;
    }

    /** A server for {@code port} (0: any free one) that keeps what it accepts; {@link #start()} or register it. */
    public static ScriptedSmtpServer on(int port) {
        return new ScriptedSmtpServer(port, true);
    }

    /** Only counts accepted messages (for benchmarks: 100,000 kept messages would distort the heap measurement). */
    public static ScriptedSmtpServer counting() {
        return new ScriptedSmtpServer(0, false);
    }

    public ScriptedSmtpServer start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true); // the port GreenMail of the previous test class just released
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 50);
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** RCPT TO for this address gets {@value #REJECTED}. */
    public void rejectRecipient(String address) {
        rejectAtRcpt.add(normalize(address));
    }

    /** RCPT TO is accepted, but the end of DATA of a message to this address gets {@value #REJECTED}. */
    public void rejectAfterData(String address) {
        rejectAtData.add(normalize(address));
    }

    /** The first {@code times} RCPT TO for this address get {@value #DEFERRED}, later ones are accepted. */
    public void deferRecipient(String address, int times) {
        deferrals.put(normalize(address), new AtomicInteger(times));
    }

    /** How often a client named this address in RCPT TO, whatever the answer. */
    public int rcptAttempts(String address) {
        AtomicInteger count = rcptCounts.get(normalize(address));
        return count == null ? 0 : count.get();
    }

    public long accepted() {
        return accepted.get();
    }

    /** Accepted messages with this address among their recipients, in arrival order. */
    public List<Received> messagesTo(String address) {
        String wanted = normalize(address);
        return received.stream().filter(r -> r.recipients().contains(wanted)).toList();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket session : sessions) {
            session.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.add(socket);
                Thread session = new Thread(() -> session(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    /** One connection: any number of mail transactions until QUIT or the client goes away. */
    private void session(Socket socket) {
        // ISO-8859-1 maps every byte to one char and back, so 8-bit message data is kept exactly
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1), 65536); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 localhost ESMTP scripted test server");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE 35882577");
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL" -> {
                        Matcher path = PATH.matcher(line);
                        if (!path.find()) {
                            reply(out, "501 5.5.4 syntax: MAIL FROM:<address>");
                            continue;
                        }
                        from = path.group(1);
                        recipients.clear();
                        reply(out, "250 2.1.0 ok");
                    }
                    case "RCPT" -> reply(out, recipient(line, from, recipients));
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end data with <CR><LF>.<CR><LF>");
                        byte[] data = readData(in);
                        reply(out, endOfData(from, recipients, data));
                        from = null;
                        recipients = new ArrayList<>();
                    }
                    case "RSET" -> {
                        from = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 ok");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not implemented");
                }
            }
        }
        catch (IOException gone) {
            // the client hung up or the server was closed
        }
        finally {
            sessions.remove(socket);
        }
    }

    private String recipient(String line, String from, List<String> recipients) {
        if (from == null) {
            return "503 5.5.1 MAIL first";
        }
        Matcher path = PATH.matcher(line);
        if (!path.find()) {
            return "501 5.5.4 syntax: RCPT TO:<address>";
        }
        String address = normalize(path.group(1));
        rcptCounts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (rejectAtRcpt.contains(address)) {
            return REJECTED;
        }
        AtomicInteger deferred = deferrals.get(address);
        if (deferred != null && deferred.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return DEFERRED;
        }
        recipients.add(address);
        return "250 2.1.5 ok";
    }

    /** Lines up to the lone dot, with the leading dot of a stuffed line removed (RFC 5321 4.5.2). */
    private byte[] readData(BufferedReader in) throws IOException {
        StringBuilder data = keep ? new StringBuilder() : null;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (data != null) {
                data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
        }
        return data == null ? new byte[0] : data.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String endOfData(String from, List<String> recipients, byte[] data) {
        if (recipients.stream().anyMatch(rejectAtData::contains)) {
            return REJECTED;
        }
        accepted.incrementAndGet();
        if (keep) {
            received.add(new Received(from, List.copyOf(recipients), data));
        }
        return "250 2.0.0 queued";
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
