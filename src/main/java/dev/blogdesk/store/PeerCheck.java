package dev.blogdesk.store;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may talk to the embedded server: by default only processes of the account that runs it. On
 * Linux the account behind a loopback connection is read from the kernel's socket table
 * ({@code /proc/net/tcp}: the client's socket, whose remote end is our port, names its owner's uid),
 * once per connection. A connection whose owner is someone else, or cannot be found, is closed before
 * any command runs. Where there is no such table (not Linux) the check cannot be made, and is skipped
 * with a line in the log.
 */
final class PeerCheck {

    private static final Logger log = LoggerFactory.getLogger(PeerCheck.class);
    private static final AttributeKey<Boolean> ALLOWED = AttributeKey.valueOf("blogdesk.peerAllowed");
    private static final Path[] TABLES = {Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")};

    private final boolean anyone;
    private final Integer ownUid;
    private volatile boolean warned;

    /** @param anyone let every local account in ({@code serve --allow-other-users}) */
    PeerCheck(boolean anyone) {
        this.anyone = anyone;
        this.ownUid = anyone ? null : ownUid();
    }

    /** True when {@code channel} may run commands; a refused one is closed. */
    boolean allows(Channel channel) {
        if (anyone) {
            return true;
        }
        Boolean known = channel.attr(ALLOWED).get();
        if (known != null) {
            return known;
        }
        boolean allowed = decide(channel);
        channel.attr(ALLOWED).set(allowed);
        if (!allowed) {
            channel.close();
        }
        return allowed;
    }

    private boolean decide(Channel channel) {
        if (ownUid == null || !Files.isReadable(TABLES[0])) {
            if (!warned) {
                warned = true;
                log.warn("Cannot tell which account connects to the embedded server on this system; not checked");
            }
            return true;
        }
        if (!(channel.remoteAddress() instanceof InetSocketAddress peer)
                || !(channel.localAddress() instanceof InetSocketAddress local)) {
            return false;
        }
        for (Path table : TABLES) {
            try {
                Optional<Integer> uid = uidIn(Files.readString(table, StandardCharsets.US_ASCII), peer.getPort(), local.getPort());
                if (uid.isPresent()) {
                    boolean same = uid.get().equals(ownUid);
                    if (!same) {
                        log.warn("Refused a connection to the embedded store from another account (uid {})", uid.get());
                    }
                    return same;
                }
            } catch (IOException e) {
                log.warn("Socket table {} not readable: {}", table, e.toString());
            }
        }
        log.warn("Refused a connection to the embedded store whose owner could not be found (port {})", peer.getPort());
        return false;
    }

    /**
     * The uid owning the client socket of a loopback connection in a {@code /proc/net/tcp} table: the
     * socket whose local port is {@code peerPort} and whose remote port is {@code serverPort}.
     */
    static Optional<Integer> uidIn(String table, int peerPort, int serverPort) {
        String local = String.format(Locale.ROOT, ":%04X", peerPort);
        String remote = String.format(Locale.ROOT, ":%04X", serverPort);
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 7 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                try {
                    return Optional.of(Integer.parseInt(f[7]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Integer ownUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
