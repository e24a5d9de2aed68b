package dev.blogdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's keyring, for the password of the sync server's URI: the freedesktop Secret Service
 * (GNOME Keyring, KWallet) through {@code secret-tool}, where one answers. Where none does, the
 * password stays in {@code settings.properties}, which only its owner can read.
 */
public interface SecretStore {

    boolean available();

    void put(String account, String secret) throws IOException;

    Optional<String> get(String account);

    void remove(String account);

    /** No keyring. */
    SecretStore NONE = new SecretStore() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void put(String account, String secret) throws IOException {
            throw new IOException("no keyring");
        }

        @Override
        public Optional<String> get(String account) {
            return Optional.empty();
        }

        @Override
        public void remove(String account) {
        }
    };

    /** The keyring of this desktop session, looked for once, and only when a password is involved. */
    static SecretStore system() {
        return SecretTool.LAZY;
    }

    /** {@code secret-tool} from libsecret; every call has a timeout, and no secret is ever logged. */
    final class SecretTool implements SecretStore {

        private static final Logger log = LoggerFactory.getLogger(SecretTool.class);
        private static final String SERVICE = "blogdesk";
        static final java.util.function.Supplier<SecretStore> SYSTEM = new java.util.function.Supplier<>() {
            private SecretStore detected;

            @Override
            public synchronized SecretStore get() {
                if (detected == null) {
                    detected = detect();
                }
                return detected;
            }
        };

        /** Asks for the keyring at the first use, not when settings are loaded (start-up stays fast). */
        static final SecretStore LAZY = new SecretStore() {
            @Override
            public boolean available() {
                return SYSTEM.get().available();
            }

            @Override
            public void put(String account, String secret) throws IOException {
                SYSTEM.get().put(account, secret);
            }

            @Override
            public Optional<String> get(String account) {
                return SYSTEM.get().get(account);
            }

            @Override
            public void remove(String account) {
                SYSTEM.get().remove(account);
            }
        };

        private SecretTool() {
        }

        static SecretStore detect() {
            if (Boolean.getBoolean("blogdesk.noKeyring")) {
                return NONE;
            }
            SecretTool tool = new SecretTool();
            try {
                // Exit 0 (found) or 1 (not found) with nothing on stderr: a Secret Service answered.
                Result probe = tool.run(List.of("lookup", "service", SERVICE, "account", "probe"), null);
                if ((probe.exit == 0 || probe.exit == 1) && probe.err.isBlank()) {
                    log.info("Passwords go to the desktop keyring (Secret Service)");
                    return tool;
                }
                log.info("No desktop keyring answered; passwords stay in the owner-only settings file");
            } catch (IOException e) {
                log.info("No secret-tool ({}); passwords stay in the owner-only settings file", e.getMessage());
            }
            return NONE;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void put(String account, String secret) throws IOException {
            Result r = run(List.of("store", "--label", "BlogDesk: MongoDB password", "service", SERVICE, "account", account), secret);
            if (r.exit != 0) {
                throw new IOException("the keyring refused the password (exit " + r.exit + ")");
            }
        }

        @Override
        public Optional<String> get(String account) {
            try {
                Result r = run(List.of("lookup", "service", SERVICE, "account", account), null);
                return r.exit == 0 ? Optional.of(r.out) : Optional.empty();
            } catch (IOException e) {
                log.warn("Keyring not readable: {}", e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public void remove(String account) {
            try {
                run(List.of("clear", "service", SERVICE, "account", account), null);
            } catch (IOException e) {
                log.warn("Keyring entry not removed: {}", e.getMessage());
            }
        }

        private record Result(int exit, String out, String err) {
        }

        private Result run(List<String> args, String stdin) throws IOException {
            List<String> command = new java.util.ArrayList<>();
            command.add("secret-tool");
            command.addAll(args);
            Process p = new ProcessBuilder(command).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("secret-tool did not answer in 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
