package dev.blogdesk.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the account that runs BlogDesk may use its embedded server. */
class PeerCheckTest {

    @TempDir
    Path dir;

    /** A /proc/net/tcp as the kernel writes it: the server's listening socket and both ends of a connection. */
    private static final String TABLE = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:B3F1 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0 100 0 0 10 0
               1: 0100007F:B3F1 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 1002 1 0 20 4 30 10 -1
               2: 0100007F:D431 0100007F:B3F1 01 00000000:00000000 00:00000000 00000000 65534        0 1003 1 0 20 4 30 10 -1
            """;

    @Test
    void theClientSocketNamesItsOwner() {
        int server = 0xB3F1;
        int client = 0xD431;
        assertThat(PeerCheck.uidIn(TABLE, client, server)).contains(65534);
        assertThat(PeerCheck.uidIn(TABLE, 0x1234, server)).as("a connection that is not there").isEmpty();
    }

    @Test
    void ownProcessesAreServedAndAnotherAccountIsCutOffBeforeAnyCommand() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's socket table");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root and runuser to connect as another account");
        try (EmbeddedMongo server = EmbeddedMongo.start(dir.resolve("data"), 0)) {
            try (MongoClient own = MongoClients.create(server.connectionString())) {
                assertThat(own.getDatabase("blogdb").getCollection("posts").countDocuments()).isZero();
            }
            assertThat(bytesAnsweredTo("root", server.port())).as("the harness itself gets an answer").isPositive();
            assertThat(bytesAnsweredTo("nobody", server.port())).as("another account gets nothing").isZero();
        }
        try (EmbeddedMongo open = EmbeddedMongo.start(dir.resolve("shared"), 0, true)) {
            assertThat(bytesAnsweredTo("nobody", open.port())).as("--allow-other-users").isPositive();
        }
    }

    /** Sends one {hello: 1} OP_MSG as {@code user} with bash's /dev/tcp and counts the bytes of the reply. */
    private static int bytesAnsweredTo(String user, int port) throws Exception {
        byte[] message = helloMessage();
        StringBuilder escaped = new StringBuilder();
        for (byte b : message) {
            escaped.append("\\x").append(HexFormat.of().toHexDigits(b));
        }
        String script = "exec 3<>/dev/tcp/127.0.0.1/" + port + " || exit 9; printf '" + escaped + "' >&3; "
                + "timeout 1 cat <&3 | wc -c"; // a loopback reply takes milliseconds
        Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", user, "--", "/bin/bash", "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("connected as " + user).isNotEqualTo(9);
        return Integer.parseInt(out);
    }

    private static byte[] helloMessage() {
        org.bson.BsonDocument hello = new org.bson.BsonDocument("hello", new org.bson.BsonInt32(1))
                .append("$db", new org.bson.BsonString("admin"));
        org.bson.RawBsonDocument raw = org.bson.RawBsonDocument.parse(hello.toJson());
        byte[] body = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(body);
        java.nio.ByteBuffer msg = java.nio.ByteBuffer.allocate(16 + 4 + 1 + body.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        msg.putInt(16 + 4 + 1 + body.length).putInt(1).putInt(0).putInt(2013); // header: length, id, responseTo, OP_MSG
        msg.putInt(0).put((byte) 0).put(body); // no flags; section kind 0: the command
        return msg.array();
    }
}
