package rightsgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded, with a Bolt connector on 127.0.0.1, for development and tests.
 *
 * <pre>
 * java -cp "target/classes:target/lib/*" rightsgraph.neo4j.Launcher [--port 7687] [--data DIR] [--pagecache 64m] [--stop-on-stdin-eof]
 * </pre>
 *
 * <p>Prints exactly one line {@code NEO4J READY bolt://127.0.0.1:PORT} to stdout once a transaction on the
 * default database has succeeded; {@code NEO4J STOPPED} after a clean shutdown (SIGTERM, SIGINT, or stdin closed
 * when {@code --stop-on-stdin-eof} is given); a line starting {@code NEO4J FAILED: } on stderr, and a non-zero exit
 * code, when it cannot start. Without {@code --data} the store lives in a fresh temporary directory that is
 * deleted on exit; Neo4j's own logs go to {@code DIR/logs}.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_DATABASE = "neo4j";

    private static final Object LOCK = new Object();
    private static DatabaseManagementService managementService;
    private static boolean stopped;

    private Launcher() {}

    private static final class Options {
        int port = 7687;
        Path data;
        /** Small by default (tests start several servers); a bulk load or a benchmark wants more. */
        long pageCacheBytes = 64L * 1024 * 1024;
        boolean stopOnStdinEof;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("NEO4J FAILED: " + e.getMessage());
            System.err.println("usage: Launcher [--port <n>] [--data <dir>] [--pagecache <size, e.g. 64m or 2g>] [--stop-on-stdin-eof]");
            System.exit(2);
            return;
        }

        Path home;
        boolean temporary = options.data == null;
        try {
            home = temporary
                    ? Files.createTempDirectory("rightsgraph-neo4j-")
                    : Files.createDirectories(options.data.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            fail("cannot create data directory " + options.data + ": " + describe(e), null);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(home, temporary), "neo4j-launcher-shutdown"));

        try {
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Both default to 5 s, which made every clean stop take ~10 s; tests stop and restart often.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 256L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, 128L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                    .build();
            synchronized (LOCK) {
                managementService = service;
                if (stopped) {
                    return; // a signal arrived while starting; the hook has nothing to shut down
                }
            }
            GraphDatabaseService db = service.database(DEFAULT_DATABASE);
            if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
                throw new IllegalStateException("database '" + DEFAULT_DATABASE + "' did not become available");
            }
            db.executeTransactionally("RETURN 1");
        } catch (Throwable e) {
            fail(describe(e), e);
            return;
        }

        PrintStream out = System.out;
        out.println("NEO4J READY bolt://" + HOST + ":" + options.port);
        out.flush();

        if (options.stopOnStdinEof) {
            Thread watcher = new Thread(Launcher::exitOnStdinEof, "neo4j-launcher-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }

        // Neo4j's own threads keep the JVM alive; park main as well, until a signal runs the shutdown hook.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--port" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    try {
                        options.port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, got '" + v + "'");
                    }
                    if (options.port < 1 || options.port > 65535) {
                        throw new IllegalArgumentException("--port out of range: " + options.port);
                    }
                }
                case "--data" -> options.data = Path.of(value != null ? value : next(args, ++i, arg));
                case "--pagecache" -> options.pageCacheBytes = parseSize(arg, value != null ? value : next(args, ++i, arg));
                case "--stop-on-stdin-eof" -> options.stopOnStdinEof = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        return options;
    }

    /** "512m", "2g", "65536k" or plain bytes; at least 8 MB, which Neo4j needs to start at all. */
    private static long parseSize(String name, String v) {
        String lower = v.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (lower.endsWith("k")) {
            unit = 1024L;
        } else if (lower.endsWith("m")) {
            unit = 1024L * 1024;
        } else if (lower.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " needs a size such as 64m or 2g, got '" + v + "'");
        }
        if (bytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException(name + " must be at least 8m, got '" + v + "'");
        }
        return bytes;
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** Used by a parent process (the test helper) so that Neo4j does not outlive it. */
    private static void exitOnStdinEof() {
        try {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // ignore input
            }
        } catch (IOException ignored) {
            // treat like end of input
        }
        System.exit(0);
    }

    private static void stop(Path home, boolean temporary) {
        DatabaseManagementService service;
        synchronized (LOCK) {
            if (stopped) {
                return;
            }
            stopped = true;
            service = managementService;
        }
        boolean clean = true;
        if (service != null) {
            try {
                service.shutdown();
            } catch (Throwable e) {
                clean = false;
                System.err.println("NEO4J shutdown error: " + describe(e));
            }
        }
        if (temporary) {
            deleteRecursively(home);
        }
        if (service != null && clean) {
            System.out.println("NEO4J STOPPED");
            System.out.flush();
        }
    }

    private static void fail(String reason, Throwable cause) {
        System.err.println("NEO4J FAILED: " + reason);
        if (cause != null && System.getenv("NEO4J_LAUNCHER_TRACE") != null) {
            cause.printStackTrace();
        }
        System.err.flush();
        System.exit(1); // runs the shutdown hook, which shuts down whatever was started
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 8; depth++) {
            sb.append(" <- ").append(cause);
            e = cause;
            cause = cause.getCause();
        }
        return sb.toString().replace('\n', ' ');
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("NEO4J could not delete " + root + ": " + e);
        }
    }
}
