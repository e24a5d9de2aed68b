package dev.blogdesk.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** mongo-java-server on its in-memory backend: the embedded store's upper bound, nothing on disk. */
final class InMemoryServer implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String connectionString;

    InMemoryServer() {
        java.net.InetSocketAddress address = server.bind();
        connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
